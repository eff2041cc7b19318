// GET /api/v1/creators/me/earnings: the caller's earnings figures, months and payouts (session, or an API token
// with the earnings:read scope).
import { getDb } from "@/db";
import { apiRoute } from "@/lib/api/route";
import { requireActor } from "@/lib/auth/actor";
import { getEarningsOverview, toEarningsJson } from "@/lib/earnings/overview";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request) => {
  const db = await getDb();
  const actor = await requireActor(db, request, "earnings:read");
  const overview = await getEarningsOverview(db, { creatorId: actor.userId });
  return Response.json(toEarningsJson(overview), {
    headers: { "Cache-Control": "private, no-store", Vary: "Cookie, Authorization" },
  });
});
