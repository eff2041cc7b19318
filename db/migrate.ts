import path from "node:path";
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { queryRows } from "./rows";
import type { Db, Schema } from "./types";

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export async function migratePgliteDb(db: PgliteDatabase<Schema>) {
  await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

export async function migratePostgresDb(db: PostgresJsDatabase<Schema>) {
  await migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

let expectedMigrations: number | undefined;

/** How many committed migrations exist and how many the database has applied. */
export async function getMigrationStatus(db: Db): Promise<{ expected: number; applied: number }> {
  // The committed journal cannot change while the process runs: read it once, not on every health check.
  expectedMigrations ??= (
    JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: unknown[] }
  ).entries.length;
  const rows = await queryRows<{ applied: number }>(
    db,
    sql`select count(*)::int as applied from drizzle.__drizzle_migrations`,
  );
  return { expected: expectedMigrations, applied: rows[0]?.applied ?? 0 };
}
