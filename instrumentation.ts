// Opens (and on first boot with PGlite, migrates and seeds) the database when the server starts,
// so the first visitor does not wait for it, and starts the background jobs (lib/jobs: in this process unless
// RUN_JOBS_IN_PROCESS=0 on PostgreSQL). Against the Stripe sandbox it then imports the seeded
// subscriptions there, so syncing the demo accounts from "Stripe" keeps them as seeded.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDb, getDbDriver } = await import("./db");
  const db = await getDb();
  const { startJobsInAppServer } = await import("./lib/jobs/in-process");
  await startJobsInAppServer(db, await getDbDriver());
  const { importSeededBillingIntoSandbox } = await import("./lib/billing/sandbox-import");
  try {
    const result = await importSeededBillingIntoSandbox(db);
    if (result) {
      const created = result.subscriptions.created.length;
      const existing = result.subscriptions.existing.length;
      console.log(
        JSON.stringify({ level: "info", msg: "seeded billing imported into the Stripe sandbox", created, existing }),
      );
    }
  } catch (error) {
    // Billing for the demo accounts would drift from the sandbox; everything else works, so boot goes on.
    console.error(
      JSON.stringify({
        level: "error",
        msg: "seeded billing import into the Stripe sandbox failed",
        error: String(error),
      }),
    );
  }
}
