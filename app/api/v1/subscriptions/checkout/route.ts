// POST /api/v1/subscriptions/checkout: { url } of a Stripe Checkout Session, or 409 with a portal url
// when the tenant already has a live subscription.
import { getDb } from "@/db";
import { getPersonalTenant } from "@/db/queries/users";
import { apiRoute } from "@/lib/api/route";
import { readJsonBody } from "@/lib/api/body";
import { requireSessionUser } from "@/lib/auth/session";
import { startCheckout } from "@/lib/billing/checkout";
import { AppError } from "@/lib/errors";

export const POST = apiRoute(async (request: Request) => {
  const user = await requireSessionUser();
  const body = await readJsonBody(request);
  const db = await getDb();
  const personal = await getPersonalTenant(db, { userId: user.id });
  if (!personal) throw new AppError("internal", "This account has no tenant.");
  const outcome = await startCheckout(db, { userId: user.id, personalTenantId: personal.id, input: body as object });
  if (outcome.kind === "portal") {
    return Response.json(
      { error: { code: "conflict", message: "This account already has a subscription. Manage it in the billing portal." }, url: outcome.url },
      { status: 409 },
    );
  }
  return Response.json({ url: outcome.url });
});
