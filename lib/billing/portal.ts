import "server-only";
import { billingConfig, getStripe } from "./stripe-client";

/** A Customer Portal session for card updates, cancel, resume and seat changes; returns to /account. */
export async function createPortalUrl(customerId: string): Promise<string> {
  const session = await getStripe().billingPortal.sessions.create({
    customer: customerId,
    return_url: `${billingConfig().appUrl}/account`,
  });
  return session.url;
}
