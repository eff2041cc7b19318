import "server-only";
import type { Db } from "@/db/types";
import { AppError } from "@/lib/errors";

/**
 * One payout job at a time (the monthly run and the retry pass share it).
 *
 * PostgreSQL: a session-level `pg_try_advisory_lock` on a connection reserved from the pool for the whole job. It
 * is held across the Stripe calls (a transaction-level lock would need a transaction open that long), never waits
 * (a second job answers "already running" at once), and PostgreSQL drops it by itself if the process dies, since
 * the connection closes. The job's own queries use the other pooled connections, so the pool needs two or more.
 *
 * PGlite: one process owns the data directory (db/pglite-lock.ts refuses a second) and every query goes through
 * its single session. Advisory locks are re-entrant within a session, so pg_try_advisory_lock would hand the lock
 * to a second job in the same process; a transaction-level lock would only cover a transaction, and a
 * transaction held across Stripe calls would block every other query of the app. The process itself is therefore
 * the lock: a flag per database instance.
 *
 * The lock avoids duplicated work and interleaved retries; it is not what keeps money exact. That is the unique
 * (creator, month) index, the credits attached in the payout's own transaction, and one idempotency key per
 * attempt with a look-up in Stripe before any new key is used (see transfer.ts).
 */
/** The advisory lock key (a fixed, arbitrary bigint used by nothing else). */
export const PAYOUT_LOCK_KEY = 7_302_118_540;

type ReservedSql = {
  unsafe: (query: string) => Promise<Array<Record<string, unknown>>>;
  release: () => void;
};
type PostgresClient = { reserve: () => Promise<ReservedSql>; options?: { max?: number } };

const heldInProcess = new WeakSet<object>();

export class PayoutJobRunningError extends AppError {
  constructor() {
    super("conflict", "A payout run is already in progress. Wait for it to finish, then try again.", {
      details: { reason: "payout_run_in_progress" },
    });
    this.name = "PayoutJobRunningError";
  }
}

function postgresClientOf(db: Db): PostgresClient | null {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (typeof client === "function" && typeof (client as { reserve?: unknown }).reserve === "function") {
    return client as unknown as PostgresClient;
  }
  return null;
}

/** Creators a run pays at once: PostgreSQL overlaps their transactions and Stripe calls; PGlite has one session. */
const PAYOUT_PARALLELISM = 4;

/**
 * How many creators a payout job may process at the same time on `db`: up to PAYOUT_PARALLELISM on PostgreSQL,
 * leaving two connections of the pool to the lock and the rest of the app; one on PGlite.
 */
export function payoutParallelism(db: Db): number {
  const pg = postgresClientOf(db);
  if (!pg) return 1;
  return Math.max(1, Math.min(PAYOUT_PARALLELISM, (pg.options?.max ?? 10) - 2));
}

/** Runs `job` holding the payout lock, or throws PayoutJobRunningError at once when another job holds it. */
export async function withPayoutLock<T>(db: Db, job: () => Promise<T>): Promise<T> {
  const pg = postgresClientOf(db);
  if (pg) return withAdvisoryLock(pg, job);

  const key = ((db as unknown as { $client?: object }).$client ?? db) as object;
  if (heldInProcess.has(key)) throw new PayoutJobRunningError();
  heldInProcess.add(key);
  try {
    return await job();
  } finally {
    heldInProcess.delete(key);
  }
}

async function withAdvisoryLock<T>(client: PostgresClient, job: () => Promise<T>): Promise<T> {
  if ((client.options?.max ?? 10) < 2) {
    throw new AppError(
      "unavailable",
      "The payout run needs a database pool of at least 2 connections (DATABASE_POOL_SIZE).",
    );
  }
  const connection = await client.reserve();
  try {
    const [row] = await connection.unsafe(`select pg_try_advisory_lock(${PAYOUT_LOCK_KEY}) as locked`);
    if (row?.locked !== true) throw new PayoutJobRunningError();
    try {
      return await job();
    } finally {
      await connection.unsafe(`select pg_advisory_unlock(${PAYOUT_LOCK_KEY})`);
    }
  } finally {
    connection.release();
  }
}
