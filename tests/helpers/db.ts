import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migratePgliteDb, migratePostgresDb } from "@/db/migrate";
import { connectPostgres } from "@/db/open";
import { queryRows } from "@/db/rows";
import * as schema from "@/db/schema";
import type { Db } from "@/db/types";

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
 */
export async function createTestDb(): Promise<TestDb> {
  const url = process.env.DATABASE_URL;
  if (url) {
    // The app's driver settings (db/open.ts), so DATABASE_PREPARE=false runs the suites without prepared statements.
    const { client, db } = connectPostgres(url, { max: 20 });
    await migratePostgresDb(db);
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
  return {
    db: db as unknown as Db,
    driver: "pglite",
    reset: () => truncateAll(db as unknown as Db),
    close: () => client.close(),
  };
}

export async function truncateAll(db: Db) {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select quote_ident(tablename) as name from pg_tables where schemaname = 'public'`,
  );
  if (tables.length === 0) return;
  await db.execute(sql.raw(`truncate ${tables.map((t) => t.name).join(", ")} restart identity cascade`));
}
