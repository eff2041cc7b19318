import { and, type SQL } from "drizzle-orm";

/**
 * `and()` of one or more conditions, typed as the SQL it then is. Drizzle's `and` also accepts no condition and
 * returns undefined for that; with `first` there is always one, so the `?? first` is never taken.
 */
export function allOf(first: SQL, ...rest: SQL[]): SQL {
  return and(first, ...rest) ?? first;
}
