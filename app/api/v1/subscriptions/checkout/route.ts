// POST /api/v1/subscriptions/checkout: { url } of a Stripe Checkout Session, or 409 with a portal url
// when the tenant already has a live subscription. Session only: a token gets 403 (the portal can cancel the plan).
import { getDb } from "@/db";
import { getPersonalTenant } from "@/db/queries/users";
import { apiRoute } from "@/lib/api/route";
import { readJsonBody } from "@/lib/api/body";
import { requireSessionActor } from "@/lib/auth/actor";
import { startCheckout } from "@/lib/billing/checkout";
import { AppError } from "@/lib/errors";

export const POST = apiRoute(async (request: Request) => {
  const actor = await requireSessionActor(request);
  const db = await getDb();
  const body = await readJsonBody(request);
  const personal = await getPersonalTenant(db, { userId: actor.userId });
  if (!personal) throw new AppError("internal", "This account has no tenant.");
  const outcome = await startCheckout(db, {
    userId: actor.userId,
    personalTenantId: personal.id,
    input: body as object,
  });
  if (outcome.kind === "portal") {
    return Response.json(
      {
        error: {
          code: "conflict",
          message: "This account already has a subscription. Manage it in the billing portal.",
        },
        url: outcome.url,
      },
      { status: 409 },
    );
  }
  return Response.json({ url: outcome.url });
});
