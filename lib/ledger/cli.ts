// npm run reconcile: checks every money invariant of the database against Stripe (or the sandbox), prints one line
// per violation naming the row and a summary, stores the result for /admin, and exits 1 on any violation (2 on bad
// arguments, 3 when the database or Stripe cannot be read). Against the sandbox it first imports the seeded billing,
// as the app does at boot, so a seeded database is checked against the Stripe objects it describes.
import { parseArgs } from "node:util";
import { openDatabase, type OpenDatabase } from "@/db/open";
import { importSeededBillingIntoSandbox, sandboxUrl } from "@/lib/billing/sandbox-import";
import { getStripe } from "@/lib/billing/stripe-client";
import { recordReconciliation, runReconciliation } from "./reconcile";

const USAGE = "usage: npm run reconcile [-- --no-record]   (DATABASE_URL, and STRIPE_SECRET_KEY or STRIPE_SANDBOX_URL)";

async function main(): Promise<number> {
  let record = true;
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      options: { "no-record": { type: "boolean" }, help: { type: "boolean" } },
      strict: true,
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    record = !values["no-record"];
  } catch (error) {
    console.error(`reconcile: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }

  let database: OpenDatabase | undefined;
  try {
    database = await openDatabase({ autoMigrateAndSeed: false });
    if (sandboxUrl()) {
      const imported = await importSeededBillingIntoSandbox(database.db, { waitMs: 2_000 });
      if (imported) console.error(`reconcile: seeded billing present in the sandbox at ${sandboxUrl()}`);
    }
    const result = await runReconciliation(database.db, getStripe());
    for (const v of result.violations) console.log(`VIOLATION ${v.check} ${v.row}: ${v.message}`);
    const checked = Object.entries(result.checked)
      .map(([what, n]) => `${n} ${what}`)
      .join(", ");
    console.log(
      `reconcile: ${result.violations.length === 0 ? "OK" : `${result.violations.length} violation${result.violations.length === 1 ? "" : "s"}`} (checked ${checked}; ${result.finishedAt.getTime() - result.startedAt.getTime()} ms)`,
    );
    if (record) await recordReconciliation(database.db, result);
    return result.violations.length === 0 ? 0 : 1;
  } catch (error) {
    console.error(`reconcile: ${(error as Error)?.message ?? String(error)}`);
    return 3;
  } finally {
    await database?.close();
  }
}

process.exitCode = await main();
