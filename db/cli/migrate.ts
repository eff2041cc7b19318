// npm run db:migrate: applies db/migrations to DATABASE_URL, or to the PGlite directory when no server holds it.
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { getMigrationStatus, migratePgliteDb, migratePostgresDb } from "../migrate";
import { type OpenDatabase, openDatabase } from "../open";
import type { Schema } from "../types";

async function main(): Promise<void> {
  // Refuses, with a clear message, a PGlite directory that a running server holds (db/pglite-lock.ts).
  const database = await openDatabase({ autoMigrateAndSeed: false });
  try {
    await runMigrations(database);
    const status = await getMigrationStatus(database.db);
    console.log(`db:migrate: ${status.applied} of ${status.expected} migrations applied (${database.driver})`);
  } finally {
    await database.close();
  }
}

/** openDatabase hands back the driver's own drizzle instance typed as Db; the migrator wants the concrete type. */
async function runMigrations(database: OpenDatabase): Promise<void> {
  if (database.driver === "pglite") await migratePgliteDb(database.db as unknown as PgliteDatabase<Schema>);
  else await migratePostgresDb(database.db as unknown as PostgresJsDatabase<Schema>);
}

/** One line: a failed query's driver error rather than drizzle's "Failed query: <whole SQL>" wrapper. */
function describeError(error: unknown): string {
  const cause = error instanceof Error && error.message.startsWith("Failed query") ? error.cause : error;
  const text = cause instanceof Error ? cause.message || (cause as NodeJS.ErrnoException).code || cause.name : String(cause);
  return text.replace(/\s+/g, " ").trim();
}

main().catch((error: unknown) => {
  console.error(`db:migrate failed: ${describeError(error)}`);
  process.exit(1);
});
