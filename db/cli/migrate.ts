// npm run db:migrate: applies db/migrations to DATABASE_URL, or to the PGlite directory when no server holds it.
import { getMigrationStatus } from "../migrate";
import { openDatabase } from "../open";
import { describeError } from "./describe-error";

async function main(): Promise<void> {
  // Refuses, with a clear message, a PGlite directory that a running server holds (db/pglite-lock.ts).
  const database = await openDatabase({ autoMigrateAndSeed: false });
  try {
    await database.migrate();
    const status = await getMigrationStatus(database.db);
    console.log(`db:migrate: ${status.applied} of ${status.expected} migrations applied (${database.driver})`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(`db:migrate failed: ${describeError(error)}`);
  process.exit(1);
});
