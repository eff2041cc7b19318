// npm run db:seed: migrates, then seeds the demo marketplace (idempotent) into DATABASE_URL or the PGlite directory.
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migratePgliteDb, migratePostgresDb } from "../migrate";
import { type OpenDatabase, openDatabase } from "../open";
import { seedDatabase } from "../seed";
import type { Schema } from "../types";

async function main(): Promise<void> {
  // Refuses, with a clear message, a PGlite directory that a running server holds (db/pglite-lock.ts).
  const database = await openDatabase({ autoMigrateAndSeed: false });
  try {
    await runMigrations(database);
    const s = await seedDatabase(database.db);
    const credits = Object.entries(s.credits)
      .filter(([, n]) => n > 0)
      .map(([status, n]) => `${n} ${status}`)
      .join(", ");
    console.log(
      `db:seed: ${s.users} users, ${s.flows} flows, ${s.subscriptions} subscriptions, ${s.invoices} invoices, ` +
        `${s.copyEvents} copy events, credits (${credits}), ${s.payouts} payouts, ${s.likes} likes, ${s.saves} saves ` +
        `in ${s.durationMs} ms (${database.driver}; demo password "flowtab-demo")`,
    );
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
  console.error(`db:seed failed: ${describeError(error)}`);
  process.exit(1);
});
