import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { creatorCredits, creditPeriods, invoices, payouts } from "../schema";
import type { CreditPeriodState, CreditStatus } from "../schema";
import type { Executor } from "../types";

// The rows behind the credit lifecycle (lib/billing/credit-lifecycle.ts decides; these only read and write).

type PeriodKey = { subscriptionId: string; periodStart: Date };

const keyList = (periods: PeriodKey[]) =>
  sql.join(
    periods.map((p) => sql`(${p.subscriptionId}::uuid, ${p.periodStart.toISOString()}::timestamptz)`),
    sql`, `,
  );

/**
 * The periods' rows, created unpaid where missing and locked for the rest of the transaction, in one order (so two
 * settlements cannot deadlock). Copies writing a credit in these periods wait for the lock, so the settlement sees
 * every committed credit and no copy sees a stale payment state.
 */
export async function lockCreditPeriods(db: Executor, periods: (PeriodKey & { periodEnd: Date })[]) {
  if (periods.length === 0) return [];
  await db
    .insert(creditPeriods)
    .values(
      periods.map((p) => ({ subscriptionId: p.subscriptionId, periodStart: p.periodStart, periodEnd: p.periodEnd })),
    )
    .onConflictDoNothing();
  return db
    .select()
    .from(creditPeriods)
    .where(sql`(${creditPeriods.subscriptionId}, ${creditPeriods.periodStart}) in (${keyList(periods)})`)
    .orderBy(asc(creditPeriods.subscriptionId), asc(creditPeriods.periodStart))
    .for("update");
}

/** Creates the period's row (unpaid) when missing; true when this call created it (and holds its lock). */
export async function insertCreditPeriodIfMissing(db: Executor, params: PeriodKey & { periodEnd: Date }) {
  const rows = await db
    .insert(creditPeriods)
    .values({ subscriptionId: params.subscriptionId, periodStart: params.periodStart, periodEnd: params.periodEnd })
    .onConflictDoNothing()
    .returning({ subscriptionId: creditPeriods.subscriptionId });
  return rows.length > 0;
}

export async function saveCreditPeriod(
  db: Executor,
  params: PeriodKey & {
    state: CreditPeriodState;
    invoiceId: string | null;
    fundedCents: number;
    creditedCents: number;
    at: Date;
  },
) {
  await db
    .update(creditPeriods)
    .set({
      state: params.state,
      invoiceId: params.invoiceId,
      fundedCents: params.fundedCents,
      creditedCents: params.creditedCents,
      updatedAt: params.at,
    })
    .where(
      and(eq(creditPeriods.subscriptionId, params.subscriptionId), eq(creditPeriods.periodStart, params.periodStart)),
    );
}

/** Every invoice of these subscriptions, oldest first (the lifecycle groups them by the period they bill). */
export async function listSubscriptionInvoices(db: Executor, params: { subscriptionIds: string[] }) {
  if (params.subscriptionIds.length === 0) return [];
  return db
    .select()
    .from(invoices)
    .where(inArray(invoices.subscriptionId, params.subscriptionIds))
    .orderBy(asc(invoices.createdAt), asc(invoices.id));
}

export type PeriodCredit = {
  id: string;
  copyEventId: string;
  status: CreditStatus;
  amountCents: number;
  payoutId: string | null;
  payoutPaid: boolean;
  deductedInPayoutId: string | null;
  createdAt: Date;
};

/** Every credit row of these periods (deducted history included), oldest first, with the period it belongs to. */
export async function listPeriodCredits(
  db: Executor,
  periods: PeriodKey[],
): Promise<(PeriodCredit & { subscriptionId: string; periodStart: Date })[]> {
  if (periods.length === 0) return [];
  const rows = await db
    .select({
      id: creatorCredits.id,
      subscriptionId: creatorCredits.subscriptionId,
      periodStart: creatorCredits.periodStart,
      copyEventId: creatorCredits.copyEventId,
      status: creatorCredits.status,
      amountCents: creatorCredits.amountCents,
      payoutId: creatorCredits.payoutId,
      payoutStatus: payouts.status,
      deductedInPayoutId: creatorCredits.deductedInPayoutId,
      createdAt: creatorCredits.createdAt,
    })
    .from(creatorCredits)
    .leftJoin(payouts, eq(payouts.id, creatorCredits.payoutId))
    .where(sql`(${creatorCredits.subscriptionId}, ${creatorCredits.periodStart}) in (${keyList(periods)})`)
    .orderBy(asc(creatorCredits.createdAt), asc(creatorCredits.id));
  return rows.map(({ payoutStatus, ...r }) => ({ ...r, payoutPaid: payoutStatus === "paid" }));
}

const iso = (at: Date) => sql`${at.toISOString()}::timestamptz`;

/** pending/void/reversed -> earned: funded by the period's paid invoice. A credit is never earned before it exists. */
export async function markCreditsEarned(db: Executor, params: { ids: string[]; invoiceId: string; at: Date }) {
  if (params.ids.length === 0) return;
  await db
    .update(creatorCredits)
    .set({
      status: "earned",
      invoiceId: params.invoiceId,
      earnedAt: sql`coalesce(${creatorCredits.earnedAt}, greatest(${iso(params.at)}, ${creatorCredits.createdAt}))`,
      reversedAt: null,
      updatedAt: params.at,
    })
    .where(inArray(creatorCredits.id, params.ids));
}

/** reversed -> paid_out: a credit whose paid payout already paid it, restored before any deduction. */
export async function markCreditsPaidOutAgain(db: Executor, params: { ids: string[]; at: Date }) {
  if (params.ids.length === 0) return;
  await db
    .update(creatorCredits)
    .set({ status: "paid_out", reversedAt: null, updatedAt: params.at })
    .where(inArray(creatorCredits.id, params.ids));
}

/** earned/paid_out -> reversed: money returned; one already paid out keeps its payout, to be deducted later. */
export async function markCreditsReversed(db: Executor, params: { ids: string[]; at: Date }) {
  if (params.ids.length === 0) return;
  await db
    .update(creatorCredits)
    .set({ status: "reversed", reversedAt: params.at, updatedAt: params.at })
    .where(inArray(creatorCredits.id, params.ids));
}

/** pending <-> void: waiting for the period's payment, or not funded by it. */
export async function setCreditsStatus(db: Executor, params: { ids: string[]; status: "pending" | "void"; at: Date }) {
  if (params.ids.length === 0) return;
  await db
    .update(creatorCredits)
    .set({ status: params.status, updatedAt: params.at })
    .where(inArray(creatorCredits.id, params.ids));
}

/**
 * A copy whose credit was reversed and deducted from a payout is funded again (a dispute won): it gets a new earned
 * credit, so the payouts that paid and deducted the old one keep adding up.
 */
export async function insertRestoredCredits(db: Executor, params: { fromIds: string[]; invoiceId: string; at: Date }) {
  if (params.fromIds.length === 0) return;
  await db.execute(sql`
    insert into creator_credits (creator_id, copy_event_id, subscriber_id, subscription_id, invoice_id, period_start,
                                 period_end, amount_cents, status, earned_at, created_at, updated_at)
    select creator_id, copy_event_id, subscriber_id, subscription_id, ${params.invoiceId}::uuid, period_start,
           period_end, amount_cents, 'earned', greatest(${iso(params.at)}, created_at), created_at, ${iso(params.at)}
    from creator_credits
    where id in (${sql.join(
      params.fromIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`);
}

/** A subscription's periods still waiting for their payment (their credits pending). */
export async function listUnpaidCreditPeriods(db: Executor, params: { subscriptionIds: string[] }) {
  if (params.subscriptionIds.length === 0) return [];
  return db
    .select()
    .from(creditPeriods)
    .where(and(inArray(creditPeriods.subscriptionId, params.subscriptionIds), eq(creditPeriods.state, "unpaid")));
}
