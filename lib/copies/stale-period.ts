import "server-only";
import type Stripe from "stripe";
import { listSubscriptionsForUser } from "@/db/queries/subscriptions";
import type { Subscription } from "@/db/schema";
import type { Executor } from "@/db/types";
import { getStripe } from "@/lib/billing/stripe-client";
import { syncSubscriptionFromStripe } from "@/lib/billing/sync";
import { resolveEntitlement, type Entitlement } from "@/lib/entitlements";
import { AppError } from "@/lib/errors";

/** How long a client should wait when Stripe has not started the next period yet (it renews within minutes). */
const RENEWAL_RETRY_SECONDS = 30;

const contains = (subscription: Subscription, now: Date) =>
  subscription.currentPeriodStart.getTime() <= now.getTime() && now.getTime() < subscription.currentPeriodEnd.getTime();

/**
 * PRODUCT.md "The copy" rule 2: the period must contain the moment of the copy. When the subscription that would pay
 * for it has a stored period that does not (a renewal, or a trial's conversion, not synced yet: seconds, or days
 * while Stripe retries a failing webhook endpoint), the customer is synced from Stripe and the entitlement decided
 * again, so a copy is never recorded into an ended period, nor a paying copy as a trial copy. If Stripe itself has
 * not moved on (or cannot be reached), the copy is refused with 503 and Retry-After rather than recorded wrongly.
 */
export async function refreshStaleEntitlement(
  db: Executor,
  params: {
    entitlement: Entitlement;
    userId: string;
    personalTenantId: string | null;
    /** The tenant the user acts in, as recordCopy was given it. */
    tenantId?: string | null;
    now: Date;
    stripe?: Stripe;
  },
): Promise<Entitlement> {
  const { entitlement, now } = params;
  const stale = entitlement.premiumAccess ? entitlement.subscription : null;
  if (!stale || contains(stale, now)) return entitlement;
  try {
    await syncSubscriptionFromStripe(db, stale.stripeCustomerId, params.stripe ?? getStripe(), { now });
  } catch (error) {
    throw new AppError("unavailable", "We could not confirm your billing period with Stripe. Try again shortly.", {
      retryAfterSeconds: RENEWAL_RETRY_SECONDS,
      cause: error,
    });
  }
  const rows = await listSubscriptionsForUser(db, { userId: params.userId });
  const fresh = resolveEntitlement(rows, now, params.personalTenantId, params.tenantId);
  const subscription = fresh.premiumAccess ? fresh.subscription : null;
  if (subscription && !contains(subscription, now)) {
    // A period Stripe began a moment ago by its clock but not yet by ours (clocks a little apart): retry when it starts.
    const untilStart = subscription.currentPeriodStart.getTime() - now.getTime();
    throw new AppError("unavailable", "Your subscription is being renewed. Try again shortly.", {
      retryAfterSeconds:
        untilStart > 0 ? Math.min(RENEWAL_RETRY_SECONDS, Math.ceil(untilStart / 1000)) : RENEWAL_RETRY_SECONDS,
    });
  }
  return fresh;
}
