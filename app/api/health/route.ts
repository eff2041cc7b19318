// GET /api/health: database driver, migrations applied, ok (503 when the database is unreachable or behind).
import { getDb, getDbDriver } from "@/db";
import { getMigrationStatus } from "@/db/migrate";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const db = await getDb();
    const [driver, migrations] = await Promise.all([getDbDriver(), getMigrationStatus(db)]);
    const ok = migrations.applied >= migrations.expected;
    return Response.json(
      { ok, database: { driver, migrations } },
      { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    console.error(JSON.stringify({ level: "error", msg: "health check failed", error: String(error) }));
    return Response.json({ ok: false, error: "database unavailable" }, { status: 503 });
  }
}
