import { PLANS } from "@/lib/plans";
import { inArray } from "drizzle-orm";
import { creatorStripeAccounts, invoices, subscriptions } from "../schema";
import type { Tx } from "../types";
import { chunks, must } from "./batch";
import { seedUuid } from "./ids";
import { DEMO_SUBSCRIBER, READER_NAMES, readerEmail, readerKey } from "./people";
import { Rng } from "./random";
import { addDays, addMs, addUtcMonths, DAY_MS, HOUR_MS, type Period, startOfUtcMonth, truncateToSecond } from "./time";
import type { UserIds } from "./users-and-tenants";

export const PREMIUM_PRICE_ID = "price_flowtab_premium_monthly";
/** The demo subscriber's current period started this long before `now` (the seed's time anchor, see index). */
export const SUBSCRIBER_PERIOD_AGE_MS = 9 * DAY_MS;
const DEMO_CREATOR_STRIPE_ACCOUNT = "acct_seed_democreator";

export type PlannedSubscription = {
  /** "subscriber" or "reader07": the suffix of every Stripe id of this subscriber. */
  key: string;
  email: string;
  stripeSubscriptionId: string;
  stripeCustomerId: string;
  /** Consecutive monthly periods since the subscription started; the last one contains `now`. */
  periods: Period[];
  /** Readers copy this many flows over the last ~90 days (the demo subscriber's copies are fixed, see activity-plan). */
  copyTarget: number;
  /** The previous period ended after the 1st of this month, so its credits are earned but not yet paid out. */
  endedThisMonth: boolean;
  /** Works in the demo creator's niche and copies its flows about half the time. */
  demoCreatorFan: boolean;
  /** The current period's renewal failed and Stripe is retrying: past_due, its invoice open, its credits pending. */
  pastDue: boolean;
};

export const invoiceStripeId = (key: string, periodIndex: number) =>
  `in_seed_${key}_${String(periodIndex + 1).padStart(2, "0")}`;

/** Boundaries relative to the current period start, so the anchor day survives short months as in Stripe. */
function periodsEndingWith(currentStart: Date, pastPeriods: number): Period[] {
  return Array.from({ length: pastPeriods + 1 }, (_, i) => ({
    start: addUtcMonths(currentStart, i - pastPeriods),
    end: addUtcMonths(currentStart, i - pastPeriods + 1),
  }));
}

export function planSubscriptions(now: Date): PlannedSubscription[] {
  const subscriber: PlannedSubscription = {
    key: "subscriber",
    email: DEMO_SUBSCRIBER.email,
    stripeSubscriptionId: "sub_seed_subscriber",
    stripeCustomerId: "cus_seed_subscriber",
    periods: periodsEndingWith(addMs(now, -SUBSCRIBER_PERIOD_AGE_MS), 0),
    copyTarget: 37,
    endedThisMonth: false,
    demoCreatorFan: false,
    pastDue: false,
  };
  const monthStart = startOfUtcMonth(now);
  const readers = READER_NAMES.map((_, i): PlannedSubscription => {
    const rng = new Rng(`reader-subscription:${i}`);
    // A few readers renewed since the 1st, so every creator dashboard has credits that are earned but unpaid.
    const endedThisMonth = i % 7 === 3;
    // Enough fans that the demo creator's balance clears the payout threshold whatever day the seed runs.
    const demoCreatorFan = i % 3 === 1;
    // A few fans' latest renewal failed (Stripe retries): the demo creator has pending credits too.
    const pastDue = i % 9 === 4;
    const currentStart = endedThisMonth
      ? addMs(monthStart, Math.floor((now.getTime() - monthStart.getTime()) * (0.15 + 0.7 * rng.next())))
      : addMs(addDays(now, -rng.int(0, 27)), -rng.int(0, 23) * HOUR_MS - rng.int(0, 59) * 60_000);
    const pastPeriods =
      endedThisMonth || demoCreatorFan ? rng.int(3, 5) : rng.chance(0.12) ? rng.int(0, 1) : rng.int(2, 5);
    const key = readerKey(i);
    return {
      key,
      email: readerEmail(i),
      stripeSubscriptionId: `sub_seed_${key}`,
      stripeCustomerId: `cus_seed_${key}`,
      periods: periodsEndingWith(truncateToSecond(currentStart), pastPeriods),
      // 5-60, leaning high: a subscriber who pays every month copies regularly.
      copyTarget: demoCreatorFan ? rng.int(45, 60) : 5 + Math.floor(55.99 * Math.sqrt(rng.next())),
      endedThisMonth,
      demoCreatorFan,
      pastDue,
    };
  });
  return [subscriber, ...readers];
}

const currentPeriod = (s: PlannedSubscription): Period => s.periods[s.periods.length - 1];

export type BillingIds = {
  subscriptions: Map<string, { id: string; tenantId: string }>;
  /** By Stripe invoice id. */
  invoices: Map<string, string>;
};

export async function writeSubscriptionsAndInvoices(
  tx: Tx,
  planned: readonly PlannedSubscription[],
  people: ReadonlyMap<string, UserIds>,
  now: Date,
): Promise<BillingIds> {
  const unitAmountCents = PLANS.premium.priceCents;
  await tx
    .insert(subscriptions)
    .values(
      planned.map((s) => ({
        id: seedUuid("subscription", s.stripeSubscriptionId),
        tenantId: must(people, s.email, "subscriber").tenantId,
        stripeSubscriptionId: s.stripeSubscriptionId,
        stripeCustomerId: s.stripeCustomerId,
        stripePriceId: PREMIUM_PRICE_ID,
        status: s.pastDue ? ("past_due" as const) : ("active" as const),
        quantity: 1,
        unitAmountCents,
        currentPeriodStart: currentPeriod(s).start,
        currentPeriodEnd: currentPeriod(s).end,
        stripeSyncedAt: now,
        createdAt: s.periods[0].start,
        updatedAt: currentPeriod(s).start,
      })),
    )
    .onConflictDoNothing();
  const subRows = await tx
    .select({ id: subscriptions.id, tenantId: subscriptions.tenantId, stripeId: subscriptions.stripeSubscriptionId })
    .from(subscriptions)
    .where(
      inArray(
        subscriptions.stripeSubscriptionId,
        planned.map((s) => s.stripeSubscriptionId),
      ),
    );
  const subIds = new Map(subRows.map((r) => [r.stripeId, { id: r.id, tenantId: r.tenantId }]));

  // Stripe bills in advance: every period's invoice was paid at its start, the current one included, except the
  // current invoice of a past-due subscriber (open: its renewal failed and Stripe is retrying).
  const invoiceRows = planned.flatMap((s) =>
    s.periods.map((period, index) => {
      const sub = must(subIds, s.stripeSubscriptionId, "subscription");
      const stripeInvoiceId = invoiceStripeId(s.key, index);
      const open = s.pastDue && index === s.periods.length - 1;
      return {
        id: seedUuid("invoice", stripeInvoiceId),
        tenantId: sub.tenantId,
        subscriptionId: sub.id,
        stripeInvoiceId,
        status: open ? ("open" as const) : ("paid" as const),
        currency: "usd",
        amountDueCents: unitAmountCents,
        amountPaidCents: open ? 0 : unitAmountCents,
        periodStart: period.start,
        periodEnd: period.end,
        stripeChargeId: open ? null : stripeInvoiceId.replace(/^in_/, "ch_"),
        paidAt: open ? null : period.start,
        createdAt: period.start,
        updatedAt: period.start,
      };
    }),
  );
  for (const batch of chunks(invoiceRows)) await tx.insert(invoices).values(batch).onConflictDoNothing();
  const invoiceIds = new Map<string, string>();
  for (const batch of chunks(invoiceRows.map((r) => r.stripeInvoiceId))) {
    const rows = await tx
      .select({ id: invoices.id, stripeId: invoices.stripeInvoiceId })
      .from(invoices)
      .where(inArray(invoices.stripeInvoiceId, batch));
    for (const r of rows) invoiceIds.set(r.stripeId, r.id);
  }
  return { subscriptions: subIds, invoices: invoiceIds };
}

/** The demo creator finished Connect onboarding, so the payout run can transfer to it. */
export async function writeDemoCreatorStripeAccount(tx: Tx, creatorUserId: string, connectedAt: Date): Promise<void> {
  await tx
    .insert(creatorStripeAccounts)
    .values({
      userId: creatorUserId,
      stripeAccountId: DEMO_CREATOR_STRIPE_ACCOUNT,
      detailsSubmitted: true,
      chargesEnabled: true,
      payoutsEnabled: true,
      transfersCapability: "active",
      requirementsDue: [],
      createdAt: connectedAt,
      updatedAt: connectedAt,
    })
    .onConflictDoNothing();
}
