import "server-only";
import { listManagedCustomerIds } from "@/db/queries/billing";
import type { Executor } from "@/db/types";
import { billingConfig, getStripe } from "./stripe-client";
import { syncSubscriptionFromStripe } from "./sync";

/**
 * A Customer Portal session for card updates, cancel, resume and seat changes. It returns through /billing/return,
 * which syncs from Stripe before showing /account, so what the user just did shows without waiting for a webhook.
 */
export async function createPortalUrl(customerId: string): Promise<string> {
  const session = await getStripe().billingPortal.sessions.create({
    customer: customerId,
    return_url: `${billingConfig().appUrl}/billing/return`,
  });
  return session.url;
}

/** Back from the portal: re-fetch every customer whose billing this user manages. */
export async function syncAfterPortal(db: Executor, params: { userId: string }): Promise<void> {
  for (const customerId of await listManagedCustomerIds(db, params)) {
    await syncSubscriptionFromStripe(db, customerId);
  }
}
