import "server-only";
import { getTenantById } from "@/db/queries/billing";
import { getMembership } from "@/db/queries/memberships";
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

/**
 * The Customer Portal for a tenant whose billing the user manages: their personal tenant, or (with `tenantId`) a
 * team where they are an owner or admin.
 */
export async function portalUrlFor(
  db: Executor,
  params: { userId: string; tenantId?: string | null },
): Promise<string> {
  const tenantId = params.tenantId ?? (await getPersonalTenant(db, { userId: params.userId }))?.id;
  const membership = tenantId ? await getMembership(db, { tenantId, userId: params.userId }) : null;
  if (!tenantId || !membership) throw new AppError("not_found", "Tenant not found.");
  if (membership.role === "member") {
    throw new AppError("forbidden", "Only the team's owners and admins manage its billing.");
  }
  const tenant = await getTenantById(db, { tenantId });
  if (!tenant?.stripeCustomerId)
    throw new AppError("not_found", "There is no billing account yet. Start a subscription first.");
  return createPortalUrl(tenant.stripeCustomerId);
}
