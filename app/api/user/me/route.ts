// GET /api/user/me: the signed-in user, their tenant, plan and entitlement summary; 401 JSON when signed out.
import { getDb } from "@/db";
import { getAccountSummary } from "@/lib/account-summary";
import { apiRoute } from "@/lib/api/route";
import { requireActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

export const GET = apiRoute(async (request: Request) => {
  const db = await getDb();
  const actor = await requireActor(db, request);
  const summary = await getAccountSummary(db, { userId: actor.userId, tenantId: actor.tenantId });
  if (!summary) throw new AppError("unauthorized", "Sign in to continue.");
  return Response.json(summary, { headers: { "Cache-Control": "private, no-store" } });
});
