// GET /api/user/me: the signed-in user, their tenant, plan and entitlement summary; 401 JSON when signed out.
import { getDb } from "@/db";
import { getAccountSummary } from "@/lib/account-summary";
import { apiRoute } from "@/lib/api/route";
import { requireSessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

export const GET = apiRoute(async () => {
  const user = await requireSessionUser();
  const summary = await getAccountSummary(await getDb(), { userId: user.id });
  if (!summary) throw new AppError("unauthorized", "Sign in to continue.");
  return Response.json(summary, { headers: { "Cache-Control": "private, no-store" } });
});
