// Opens (and on first boot with PGlite, migrates and seeds) the database when the server starts,
// so the first visitor does not wait for it. Against the Stripe sandbox it then imports the seeded
// subscriptions there, so syncing the demo accounts from "Stripe" keeps them as seeded.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDb } = await import("./db");
  const db = await getDb();
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
