// Opens (and on first boot with PGlite, migrates and seeds) the database when the server starts,
// so the first visitor does not wait for it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDb } = await import("./db");
  await getDb();
}
