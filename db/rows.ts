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

type PostgresJsClient = {
  unsafe: (query: string, params: unknown[], options: { prepare: boolean }) => Promise<unknown[]>;
};
type WithDriver = { $client?: unknown; dialect?: { sqlToQuery: (query: SQL) => { sql: string; params: unknown[] } } };

/**
 * queryRows for a hot statement run many times with different parameters: on postgres.js it is sent as a named
 * prepared statement (parsed and planned once per connection; db/open.ts prepares Drizzle's own statements too,
 * and DATABASE_PREPARE=false turns both off); on PGlite, or inside a transaction, it falls back to queryRows.
 */
export async function queryRowsPrepared<T extends Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const { $client: client, dialect } = db as unknown as WithDriver;
  const unsafe = (client as Partial<PostgresJsClient> | undefined)?.unsafe;
  if (typeof unsafe !== "function" || !dialect) return queryRows<T>(db, query);
  const compiled = dialect.sqlToQuery(query);
  return (await unsafe.call(client, compiled.sql, compiled.params, { prepare: true })) as T[];
}

/**
 * The row a statement always returns (an insert ... returning, an upsert, an aggregate, an update of a row known
 * to exist). Throws, naming it, when it is missing instead of passing `undefined` on as a row.
 */
export function oneRow<T>(rows: readonly T[], what: string): T {
  const [row] = rows;
  if (row === undefined) throw new Error(`expected one ${what} row`);
  return row;
}
