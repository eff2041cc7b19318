/**
 * `value` without trailing `char`s. A loop rather than `/\/+$/`-style patterns: an unanchored `x+$` retries from
 * every position of a long run of `x` followed by something else, which is quadratic.
 */
export function stripTrailing(value: string, char: string): string {
  let end = value.length;
  while (end > 0 && value[end - 1] === char) end--;
  return value.slice(0, end);
}
