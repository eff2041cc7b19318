/** An ILIKE pattern matching any text that contains `text`: `%` and `_` in what an admin typed are letters. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
