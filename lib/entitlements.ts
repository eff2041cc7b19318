import "server-only";
import { getPersonalTenant } from "@/db/queries/users";
import { listSubscriptionsForUser, type UserSubscriptionRow } from "@/db/queries/subscriptions";
import type { Executor } from "@/db/types";
import { LIVE_SUBSCRIPTION_STATUSES as LIVE_STATUSES, type Subscription, type SubscriptionStatus } from "@/db/schema";
import { PLANS, type Plan, type PlanId } from "./plans";

/** Which Stripe statuses grant premium access (PRODUCT.md "Access by status"). */
const ACCESS_STATUSES: ReadonlySet<SubscriptionStatus> = new Set(["trialing", "active", "past_due"]);

export type Entitlement = {
  plan: Plan;
  premiumAccess: boolean;
  /** The subscription that grants access (or the most recent one, for display), if any. */
  subscription: Subscription | null;
  /** The tenant whose subscription pays: a personal tenant or the team of a seat. */
  tenantId: string | null;
  /** past_due: access continues while Stripe retries; the UI shows a banner to fix the card. */
  inGracePeriod: boolean;
  /** A team's subscription would grant access, but the user is not among its first `quantity` members. */
  withoutSeat: boolean;
};

/** Statuses in which a subscription still exists for billing (db/schema/billing.ts holds the one list). */
export const LIVE_SUBSCRIPTION_STATUSES: SubscriptionStatus[] = [...LIVE_STATUSES];

export function isLiveSubscription(subscription: Pick<Subscription, "status"> | null): boolean {
  return subscription !== null && LIVE_SUBSCRIPTION_STATUSES.includes(subscription.status);
}

/** Does this subscription grant access at `now`? */
export function grantsAccess(subscription: Subscription, now: Date): boolean {
  if (!ACCESS_STATUSES.has(subscription.status)) return false;
  // cancel_at_period_end keeps access until the period ends, even if the final webhook is late.
  if (subscription.cancelAtPeriodEnd && subscription.currentPeriodEnd <= now) return false;
  return true;
}

function planForSubscription(row: Pick<UserSubscriptionRow, "subscription" | "tenantKind">): PlanId {
  if (row.subscription.status === "trialing") return "trial";
  return row.tenantKind === "team" ? "team" : "premium";
}

/**
 * Picks the subscription that decides a user's plan: an access-granting one first (paid over trial over past_due).
 * A team's subscription counts only for members who hold one of its seats (`seated`). With `tenantId` the user acts
 * in that tenant only (an API token made there, or the tenant chosen in the header): other tenants' plans do not apply.
 */
export function resolveEntitlement(
  rows: UserSubscriptionRow[],
  now: Date,
  personalTenantId: string | null,
  tenantId: string | null = null,
): Entitlement {
  const inScope = tenantId ? rows.filter((r) => r.subscription.tenantId === tenantId) : rows;
  const live = inScope.filter((r) => grantsAccess(r.subscription, now));
  const granting = live.filter((r) => r.seated).sort((a, b) => rank(b) - rank(a));
  const best = granting[0];
  if (best) {
    return {
      plan: PLANS[planForSubscription(best)],
      premiumAccess: true,
      subscription: best.subscription,
      tenantId: best.subscription.tenantId,
      inGracePeriod: best.subscription.status === "past_due",
      withoutSeat: false,
    };
  }
  const home = tenantId ?? personalTenantId;
  const latest = inScope.find((r) => r.subscription.tenantId === home);
  return {
    plan: PLANS.free,
    premiumAccess: false,
    subscription: latest?.subscription ?? null,
    tenantId: home,
    inGracePeriod: false,
    withoutSeat: live.length > 0,
  };
}

// Paid and healthy beats trial beats past_due: the copy engine then uses the best period.
function rank(row: UserSubscriptionRow): number {
  const s = row.subscription.status;
  return s === "active" ? 3 : s === "trialing" ? 2 : 1;
}

/**
 * "May this user read premium flows now?" and the plan behind the answer. `tenantId` limits it to one tenant the
 * user acts in (see resolveEntitlement); a tenant they do not belong to grants nothing.
 */
export async function getEntitlement(
  db: Executor,
  params: { userId: string; tenantId?: string | null; now?: Date },
): Promise<Entitlement> {
  const [rows, personal] = await Promise.all([
    listSubscriptionsForUser(db, { userId: params.userId }),
    getPersonalTenant(db, { userId: params.userId }),
  ]);
  return resolveEntitlement(rows, params.now ?? new Date(), personal?.id ?? null, params.tenantId ?? null);
}
