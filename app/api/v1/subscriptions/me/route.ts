// GET /api/v1/subscriptions/me: plan, status, period and copy usage of the signed-in user.
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
  const e = summary.entitlement;
  return Response.json(
    {
      plan: summary.plan,
      status: e.status,
      periodStart: e.periodStart,
      periodEnd: e.periodEnd,
      cancelAtPeriodEnd: e.cancelAtPeriodEnd,
      trialEnd: e.trialEnd,
      copiesThisPeriod: e.copiesThisPeriod,
      paidCopiesRemaining: e.paidCopiesRemaining,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
});
