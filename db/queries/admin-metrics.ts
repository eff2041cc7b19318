import { and, count, eq, gte, lt, sql } from "drizzle-orm";
import { copyEvents, creatorCredits, subscriptions } from "../schema";
import type { Executor } from "../types";

// The figures at the top of /admin. Callers check users.is_admin first; these read the whole platform.
// Money is integer cents; sums are taken as bigint in SQL and converted once here.

const toNumber = (value: unknown) => Number(value ?? 0);

export type SubscriberCount = { status: string; subscriptions: number; seats: number };

/**
 * MRR: what active and past_due subscriptions bill per month, quantity x unit amount (every plan is monthly).
 * Trialing ones bill nothing yet; past_due ones are still owed and Stripe is retrying, so they count.
 */
export async function getSubscriptionFigures(db: Executor): Promise<{ mrrCents: number; byStatus: SubscriberCount[] }> {
  const rows = await db
    .select({
      status: subscriptions.status,
      subscriptions: count(),
      seats: sql<string>`coalesce(sum(${subscriptions.quantity}), 0)::bigint`,
      mrrCents: sql<string>`coalesce(sum(${subscriptions.quantity}::bigint * ${subscriptions.unitAmountCents}) filter (where ${subscriptions.status} in ('active', 'past_due')), 0)::bigint`,
    })
    .from(subscriptions)
    .groupBy(subscriptions.status)
    .orderBy(subscriptions.status);
  return {
    mrrCents: rows.reduce((sum, r) => sum + toNumber(r.mrrCents), 0),
    byStatus: rows.map((r) => ({
      status: r.status,
      subscriptions: toNumber(r.subscriptions),
      seats: toNumber(r.seats),
    })),
  };
}

export type TrialFunnel = { started: number; ended: number; converted: number };

/**
 * Trials in the window [since, until): `started` began in it; `ended` had their trial end in it; `converted` are
 * the ended ones whose subscription has a paid invoice of more than $0 (the trial's own invoice is $0).
 */
export async function getTrialFunnel(db: Executor, params: { since: Date; until: Date }): Promise<TrialFunnel> {
  const since = params.since.toISOString();
  const until = params.until.toISOString();
  const [row] = await db
    .select({
      started: sql<number>`count(*) filter (where ${subscriptions.trialStart} >= ${since}::timestamptz and ${subscriptions.trialStart} < ${until}::timestamptz)::int`,
      ended: sql<number>`count(*) filter (where ${subscriptions.trialEnd} >= ${since}::timestamptz and ${subscriptions.trialEnd} < ${until}::timestamptz)::int`,
      converted: sql<number>`count(*) filter (where ${subscriptions.trialEnd} >= ${since}::timestamptz and ${subscriptions.trialEnd} < ${until}::timestamptz
        and exists (select 1 from invoices i where i.subscription_id = subscriptions.id and i.status = 'paid' and i.amount_paid_cents > 0))::int`,
    })
    .from(subscriptions)
    .where(sql`${subscriptions.trialStart} is not null`);
  return { started: toNumber(row?.started), ended: toNumber(row?.ended), converted: toNumber(row?.converted) };
}

/** Copies recorded in [start, end), and how many of them qualified for a creator credit. */
export async function countCopiesBetween(
  db: Executor,
  params: { start: Date; end: Date },
): Promise<{ total: number; qualifying: number }> {
  const [row] = await db
    .select({
      total: count(),
      qualifying: sql<number>`count(*) filter (where ${copyEvents.countedForPayout})::int`,
    })
    .from(copyEvents)
    .where(and(gte(copyEvents.createdAt, params.start), lt(copyEvents.createdAt, params.end)));
  return { total: toNumber(row?.total), qualifying: toNumber(row?.qualifying) };
}

export type LiabilityMonth = {
  /** UTC month of the qualifying copies, YYYY-MM. */
  month: string;
  /** Earned and not paid out yet (owed). */
  earnedCents: number;
  /** Of earnedCents, the part already reserved in a payout that has not been paid (processing or failed). */
  inPayoutCents: number;
  /** Waiting for the subscriber's invoice to be paid: owed once it is. */
  pendingCents: number;
  /** Reversed after being paid out, to be deducted from the creator's next payout. */
  toDeductCents: number;
};

/**
 * What the platform owes creators, by the UTC month of the copies: earned credits not yet paid out, minus reversals
 * of paid-out credits not yet deducted; pending credits beside it (owed once their invoice is paid).
 */
export async function listCreatorLiabilities(db: Executor): Promise<LiabilityMonth[]> {
  const c = creatorCredits;
  const rows = await db
    .select({
      month: sql<string>`to_char(${copyEvents.createdAt} at time zone 'UTC', 'YYYY-MM')`,
      earnedCents: sql<string>`coalesce(sum(${c.amountCents}) filter (where ${c.status} = 'earned'), 0)::bigint`,
      inPayoutCents: sql<string>`coalesce(sum(${c.amountCents}) filter (where ${c.status} = 'earned' and ${c.payoutId} is not null), 0)::bigint`,
      pendingCents: sql<string>`coalesce(sum(${c.amountCents}) filter (where ${c.status} = 'pending'), 0)::bigint`,
      toDeductCents: sql<string>`coalesce(sum(${c.amountCents}) filter (where ${c.status} = 'reversed' and ${c.deductedInPayoutId} is null
        and exists (select 1 from payouts p where p.id = ${c.payoutId} and p.status = 'paid')), 0)::bigint`,
    })
    .from(c)
    .innerJoin(copyEvents, eq(copyEvents.id, c.copyEventId))
    .where(sql`${c.status} in ('earned', 'pending', 'reversed')`)
    .groupBy(sql`1`)
    .orderBy(sql`1 desc`);
  return rows
    .map((r) => ({
      month: r.month,
      earnedCents: toNumber(r.earnedCents),
      inPayoutCents: toNumber(r.inPayoutCents),
      pendingCents: toNumber(r.pendingCents),
      toDeductCents: toNumber(r.toDeductCents),
    }))
    .filter((r) => r.earnedCents + r.pendingCents + r.toDeductCents > 0);
}
