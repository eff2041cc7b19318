import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { migratePgliteDb, migratePostgresDb } from "@/db/migrate";
import { queryRows } from "@/db/rows";
import * as schema from "@/db/schema";
import type { Db } from "@/db/types";
import { JOB_SCHEMA } from "@/lib/jobs/queues";
import { installJobQueues } from "@/lib/jobs/runtime";

export type TestDb = {
  db: Db;
  driver: "postgres" | "pglite";
  /** Empties every table (keeps the schema). */
  reset: () => Promise<void>;
  close: () => Promise<void>;
};

/**
 * A migrated database for one test file: PostgreSQL when DATABASE_URL is set (CI: PostgreSQL 15),
 * otherwise an in-memory PGlite of its own. Test files run one at a time, so a shared PostgreSQL is safe.
 * It has the job queues too (queueing an email adds its delivery job); no worker runs unless a test starts one.
 */
export async function createTestDb(): Promise<TestDb> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const client = postgres(url, { max: 20, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema });
    await migratePostgresDb(db);
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
  const client = new PGlite();
  const db = drizzlePglite(client, { schema });
  await migratePgliteDb(db);
  await installJobQueues(db as unknown as Db);
  return {
    db: db as unknown as Db,
    driver: "pglite",
    reset: () => truncateAll(db as unknown as Db),
    close: () => client.close(),
  };
}

/** Empties every app table, and the job tables (jobs, not queues or schedules) when they exist. */
export async function truncateAll(db: Db) {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select quote_ident(schemaname) || '.' || quote_ident(tablename) as name from pg_tables
        where schemaname = 'public' or (schemaname = ${JOB_SCHEMA} and tablename in ('job', 'archive'))`,
  );
  if (tables.length === 0) return;
  await db.execute(sql.raw(`truncate ${tables.map((t) => t.name).join(", ")} restart identity cascade`));
}
