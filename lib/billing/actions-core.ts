import "server-only";
import { getTenantById } from "@/db/queries/billing";
import { getPersonalTenant } from "@/db/queries/users";
import type { Executor } from "@/db/types";
import { AppError } from "@/lib/errors";
import { startCheckout } from "./checkout";
import { createPortalUrl } from "./portal";

/** Where the Subscribe button sends a user: Stripe Checkout, or the portal when they already subscribe. */
export async function checkoutUrlFor(db: Executor, params: { userId: string; quantity?: number }): Promise<string> {
  const personal = await getPersonalTenant(db, { userId: params.userId });
  if (!personal) throw new AppError("internal", "This account has no tenant.");
  const outcome = await startCheckout(db, {
    userId: params.userId,
    personalTenantId: personal.id,
    input: { quantity: params.quantity ?? 1 },
  });
  return outcome.url;
}

/** The Customer Portal for the user's personal tenant. */
export async function portalUrlFor(db: Executor, params: { userId: string }): Promise<string> {
  const personal = await getPersonalTenant(db, { userId: params.userId });
  const tenant = personal ? await getTenantById(db, { tenantId: personal.id }) : null;
  if (!tenant?.stripeCustomerId)
    throw new AppError("not_found", "There is no billing account yet. Start a subscription first.");
  return createPortalUrl(tenant.stripeCustomerId);
}
