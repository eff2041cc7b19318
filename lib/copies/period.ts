import type { Entitlement } from "@/lib/entitlements";

export type CopyPeriod = { start: Date; end: Date; subscriptionId: string | null };

/** The UTC calendar month containing `now`: the period of a member without a subscription. */
export function calendarMonthOf(now: Date): { start: Date; end: Date } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { start, end };
}

/**
 * The period copies count against (PRODUCT.md "The copy", rule 2): the paying subscription's current
 * Stripe billing period (a team seat uses the team's; a trial uses the trial), else the calendar month.
 */
export function copyPeriodFor(entitlement: Entitlement, now: Date): CopyPeriod {
  const sub = entitlement.premiumAccess ? entitlement.subscription : null;
  if (sub) return { start: sub.currentPeriodStart, end: sub.currentPeriodEnd, subscriptionId: sub.id };
  return { ...calendarMonthOf(now), subscriptionId: null };
}
