import "server-only";
import { getTenantById } from "@/db/queries/billing";
import { getMembership } from "@/db/queries/memberships";
import type { Executor } from "@/db/types";
import { AppError } from "@/lib/errors";
import { getEntitlement, type Entitlement } from "@/lib/entitlements";
import { getStripe, idOf } from "./stripe-client";
import { syncSubscriptionFromStripe } from "./sync";

/**
 * The user is back from Checkout: sync from Stripe now so the upgrade shows at once, without waiting for the
 * webhook. Only a session of one of the user's own tenants is accepted.
 */
export async function syncAfterCheckout(
  db: Executor,
  params: { userId: string; sessionId: string },
): Promise<{ entitlement: Entitlement; complete: boolean; team: { id: string; name: string } | null }> {
  if (!/^cs_[A-Za-z0-9_]+$/.test(params.sessionId)) throw new AppError("not_found", "Checkout session not found.");
  const session = await getStripe()
    .checkout.sessions.retrieve(params.sessionId)
    .catch((error: unknown) => {
      // A made-up or stale session id: the page says so instead of failing with a 500.
      if ((error as { code?: string }).code === "resource_missing")
        throw new AppError("not_found", "Checkout session not found.");
      throw error;
    });
  const tenantId = session.client_reference_id ?? session.metadata?.tenantId;
  if (!tenantId || !(await getMembership(db, { tenantId, userId: params.userId }))) {
    throw new AppError("not_found", "Checkout session not found.");
  }
  const customerId = idOf(session.customer);
  if (customerId) await syncSubscriptionFromStripe(db, customerId);
  const tenant = await getTenantById(db, { tenantId });
  return {
    // The plan of the tenant that was bought for (a team's seats, or the personal plan).
    entitlement: await getEntitlement(db, { userId: params.userId, tenantId }),
    complete: session.status === "complete",
    team: tenant?.kind === "team" ? { id: tenant.id, name: tenant.name } : null,
  };
}
