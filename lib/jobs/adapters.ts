import "server-only";
import { SQL } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Db, Executor } from "@/db/types";

// pg-boss runs every statement through `db.executeSql(text, values)` (its `db` option). On PostgreSQL it has a pg
// pool of its own; these adapters are for the two cases where it must not: PGlite (one in-process connection, no
// TCP), and an enqueue that has to be part of the caller's transaction.

type Rows = { rows: Record<string, unknown>[] };
type PgliteTransaction = { exec: (text: string) => Promise<Rows[]> };
type PgliteClient = PgliteTransaction & {
  query: (text: string, params?: unknown[]) => Promise<Rows>;
  transaction: <T>(callback: (tx: PgliteTransaction) => Promise<T>) => Promise<T>;
};

/** The PGlite instance behind a Drizzle database, or null when it is postgres.js. */
export function pgliteClientOf(db: Db): PgliteClient | null {
  const client = (db as unknown as { $client?: Partial<PgliteClient> }).$client;
  const isPglite =
    typeof client?.exec === "function" &&
    typeof client.query === "function" &&
    typeof client.transaction === "function";
  return isPglite ? (client as PgliteClient) : null;
}

/**
 * A parameter as pg-boss expects node-postgres to send it: objects as JSON text, dates as ISO strings. Arrays,
 * numbers and booleans are left to the driver, which serialises them by the type PostgreSQL reports.
 */
function toParam(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value;
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}

const lastRows = (results: Rows[]): Rows => ({ rows: results.at(-1)?.rows ?? [] });

/** pg-boss's wrapper for its locked DDL and maintenance: `BEGIN; ...; COMMIT;` sent as one simple query. */
const LOCKED_BLOCK = /^\s*BEGIN;([\s\S]*)COMMIT;?\s*$/i;

/**
 * pg-boss on PGlite. Parameterised statements use the extended protocol; statements without parameters may be
 * several (pg-boss's migrations and maintenance), so they go through `exec`. A `BEGIN; ...; COMMIT;` block runs
 * inside PGlite's own transaction: it holds PGlite's lock for the whole block, and a failure rolls it back instead
 * of leaving the one shared session in an aborted transaction.
 */
export function pgliteBossDb(client: PgliteClient): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) return client.query(text, values.map(toParam));
      const block = LOCKED_BLOCK.exec(text);
      if (block) return lastRows(await client.transaction((tx) => tx.exec(block[1] ?? "")));
      return lastRows(await client.exec(text));
    },
  };
}

/** pg-boss's own SQL text and numbered parameters, run as they are through Drizzle (which then uses its driver). */
class PgBossStatement extends SQL {
  constructor(
    private readonly text: string,
    private readonly values: unknown[],
  ) {
    super([]);
  }

  override toQuery() {
    return { sql: this.text, params: this.values };
  }
}

/**
 * pg-boss's statements on a Drizzle database or transaction (postgres.js or PGlite): given to `boss.send` as its
 * `db` option, the job row is inserted in the caller's transaction, so it commits or rolls back with it.
 */
export function executorBossDb(executor: Executor): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const result = (await executor.execute(new PgBossStatement(text, (values ?? []).map(toParam)))) as unknown;
      return { rows: (Array.isArray(result) ? result : ((result as Partial<Rows>).rows ?? [])) as Rows["rows"] };
    },
  };
}
