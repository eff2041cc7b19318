import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { inject } from "vitest";
import { migratePgliteDb, migratePostgresDb } from "@/db/migrate";
import { connectPostgres } from "@/db/open";
import * as schema from "@/db/schema";
import type { Db } from "@/db/types";
import { installJobQueues } from "@/lib/jobs/runtime";
import { truncateAll } from "./truncate";

export type TestDb = {
  db: Db;
  driver: "postgres" | "pglite";
  /** Empties every table (keeps the schema). */
  reset: () => Promise<void>;
  close: () => Promise<void>;
};

/**
 * A migrated database for one test file: PostgreSQL when DATABASE_URL is set (CI: PostgreSQL 15; this worker's own
 * database, see worker-setup.ts: files of one worker run one at a time), otherwise an in-memory PGlite of its own.
 * The migrations ran once for the whole run (tests/helpers/global-setup.ts); without that setup they run here.
 * It has the job queues too (queueing an email adds its delivery job); no worker runs unless a test starts one.
 */
export async function createTestDb(): Promise<TestDb> {
  const url = process.env.DATABASE_URL;
  if (url) {
    // The app's driver settings (db/open.ts), so DATABASE_PREPARE=false runs the suites without prepared statements.
    // A pool of 20: concurrency tests get real parallel connections (see tests/helpers/race.ts).
    const { client, db } = connectPostgres(url, { max: 20 });
    if (!inject("postgresMigrated")) await migratePostgresDb(db);
    await installJobQueues(db as unknown as Db);
    const testDb: TestDb = {
      db: db as unknown as Db,
      driver: "postgres",
      reset: () => truncateAll(db as unknown as Db),
      close: () => client.end({ timeout: 5 }),
    };
    await testDb.reset();
    return testDb;
  }
  const snapshot = inject("pgliteSnapshot");
  const client = snapshot && existsSync(snapshot) ? await pgliteFrom(snapshot) : await migratedPglite(snapshot);
  const db = drizzlePglite(client, { schema });
  return {
    db: db as unknown as Db,
    driver: "pglite",
    reset: () => truncateAll(db as unknown as Db),
    close: () => client.close(),
  };
}

async function pgliteFrom(snapshot: string) {
  return new PGlite({ loadDataDir: new Blob([readFileSync(snapshot)]) });
}

/** A fresh PGlite, migrated; its data directory is kept at `snapshot` for the next test files of this run. */
async function migratedPglite(snapshot: string | null) {
  const client = new PGlite();
  const db = drizzlePglite(client, { schema });
  await migratePgliteDb(db);
  await installJobQueues(db as unknown as Db);
  if (snapshot) {
    const dump = await client.dumpDataDir("none");
    // Two workers may both make it: each writes its own file, the rename is atomic.
    const partial = `${snapshot}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, snapshot);
  }
  return client;
}

/** Concurrency tests need real parallel connections: PostgreSQL (DATABASE_URL), not the single-connection PGlite. */
export const onPostgres = Boolean(process.env.DATABASE_URL);

/** Says, once per file, that its PostgreSQL-only tests were skipped (run with DATABASE_URL to include them). */
export function noticeSkippedWithoutPostgres(what: string) {
  if (!onPostgres) console.warn(`[skipped on PGlite] ${what}: needs real parallel connections (set DATABASE_URL)`);
}
