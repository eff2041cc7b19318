import type { SQL } from "drizzle-orm";
import type { Executor } from "./types";

/**
 * Runs raw SQL and returns its rows, whichever driver is behind `db`:
 * postgres.js returns an array of rows, PGlite returns `{ rows }`.
 */
export async function queryRows<T extends Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
