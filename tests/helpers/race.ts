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
