import { it } from "vitest";

/**
 * Concurrency tests prove something only with real parallel connections. PGlite has one connection that runs
 * statements one at a time, so a race test there passes whatever the code does: it is skipped, with a notice,
 * and runs on PostgreSQL (DATABASE_URL, a pool of 20 in createTestDb; `.ci/run` uses PostgreSQL 15).
 */
const onPostgres = Boolean(process.env.DATABASE_URL);
const raceTests = new Set<string>();

if (!onPostgres) {
  console.warn(
    "NOTICE: race tests in this file are skipped on PGlite (one connection); set DATABASE_URL to a PostgreSQL 15 database to run them.",
  );
}

/** `it` for a test whose claim needs parallel transactions: runs on PostgreSQL, skipped on PGlite. */
export function raceIt(name: string, fn: () => Promise<void>, timeout?: number) {
  raceTests.add(name);
  it.skipIf(!onPostgres)(name, fn, timeout);
}

/** Whether a test was declared with raceIt (so skipping it on PGlite is expected, not a filter). */
export const isRaceTest = (name: string) => raceTests.has(name);

/**
 * Promise.all that waits for every racer before it rejects: a race test's work still in flight after one failure
 * would otherwise write into the next test's freshly emptied tables and fail it too.
 */
export async function settleAll<T>(racers: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(racers);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}
