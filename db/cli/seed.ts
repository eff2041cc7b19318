// npm run db:seed [-- --force]: migrates, then seeds the demo marketplace (idempotent) into DATABASE_URL or the
// PGlite directory. Refuses under NODE_ENV=production and on a database with real users unless --force (or
// ALLOW_DEMO_SEED=1).
import { openDatabase } from "../open";
import { describeError } from "./describe-error";
import { seedDatabase } from "../seed";

async function main(): Promise<void> {
  // Refuses, with a clear message, a PGlite directory that a running server holds (db/pglite-lock.ts).
  const database = await openDatabase({ autoMigrateAndSeed: false });
  try {
    await database.migrate();
    const s = await seedDatabase(database.db, process.argv.includes("--force") ? { force: true } : {});
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

main().catch((error: unknown) => {
  console.error(`db:seed failed: ${describeError(error)}`);
  process.exit(1);
});
