/** Joins class names, skipping falsy values. No merging: a caller's className is appended last. */
export function cn(...parts: Array<string | false | null | undefined>): string {
  return parts.filter(Boolean).join(" ");
}
