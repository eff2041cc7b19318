import "server-only";
import {
  insertCreditPeriodIfMissing,
  insertRestoredCredits,
  listPeriodCredits,
  listPeriodInvoices,
  listUnpaidCreditPeriods,
  lockCreditPeriod,
  markCreditsEarned,
  markCreditsPaidOutAgain,
  markCreditsReversed,
  saveCreditPeriod,
  setCreditsStatus,
} from "@/db/queries/credit-periods";
import type { Invoice, Subscription } from "@/db/schema";
import type { Executor } from "@/db/types";
import { periodPayment, settlePeriodCredits } from "./credit-settlement";

// Credit lifecycle (PRODUCT.md "The copy" rule 5 and "Money and payouts"), one period at a time:
//   pending  the period's invoice is not paid yet
//   earned   funded by the paid invoice (at once when a copy comes after the payment: Stripe bills in advance)
//   paid_out a paid payout transferred it
//   void     not funded: the period was never paid (not final: paid later, it is earned), or its payment funds less
//   reversed money went back (refund, or a dispute that withdrew funds); a paid-out one is deducted from a later
//            payout; a won dispute funds it again
// Every event that can change a period's payment settles the whole period from our stored invoices, so the result does
// not depend on the order, lateness or repetition of Stripe's webhooks.

export type PeriodRef = { subscription: Subscription; periodStart: Date; periodEnd: Date };

/**
 * Recomputes one period: locks its credit_periods row (copies of the period wait), derives its payment from the
 * stored invoices, moves every credit to the status that payment implies and stores what the period funds.
 * Call inside a transaction.
 */
export async function settleCreditPeriod(tx: Executor, period: PeriodRef, now: Date) {
  const key = { subscriptionId: period.subscription.id, periodStart: period.periodStart };
  await lockCreditPeriod(tx, { ...key, periodEnd: period.periodEnd });
  const [invoices, credits] = await Promise.all([listPeriodInvoices(tx, key), listPeriodCredits(tx, key)]);
  const payment = periodPayment(invoices, period.subscription, period.periodEnd, now);
  const plan = settlePeriodCredits(credits, payment);
  if (payment.invoiceId) {
    await markCreditsEarned(tx, { ids: plan.toEarned, invoiceId: payment.invoiceId, at: now });
    await insertRestoredCredits(tx, { fromIds: plan.restoreFrom, invoiceId: payment.invoiceId, at: now });
  }
  await markCreditsPaidOutAgain(tx, { ids: plan.toPaidOut, at: now });
  await markCreditsReversed(tx, { ids: plan.toReversed, at: now });
  await setCreditsStatus(tx, { ids: plan.toVoid, status: "void", at: now });
  await setCreditsStatus(tx, { ids: plan.toPending, status: "pending", at: now });
  await saveCreditPeriod(tx, {
    ...key,
    state: payment.state,
    invoiceId: payment.invoiceId,
    fundedCents: payment.fundedCents,
    creditedCents: plan.creditedCents,
    at: now,
  });
  return { payment, ...plan };
}

/**
 * The copy engine's first qualifying copy of a period: creates and settles the period's row unless it exists. Of many
 * parallel first copies one settles; the others wait for its insert and find the row there.
 */
export async function ensureCreditPeriod(tx: Executor, period: PeriodRef, now: Date) {
  const key = { subscriptionId: period.subscription.id, periodStart: period.periodStart, periodEnd: period.periodEnd };
  if (await insertCreditPeriodIfMissing(tx, key)) await settleCreditPeriod(tx, period, now);
}

/**
 * After a sync: settles every period the sync may have changed (each synced invoice's period, each subscription's
 * current period, and every period still waiting for its payment), in one order so concurrent syncs cannot deadlock.
 */
export async function settleSyncedPeriods(
  tx: Executor,
  params: { subscriptions: Subscription[]; invoices: Invoice[]; now: Date },
) {
  const byId = new Map(params.subscriptions.map((s) => [s.id, s]));
  const periods = new Map<string, PeriodRef>();
  const add = (subscription: Subscription | undefined, periodStart: Date, periodEnd: Date) => {
    if (subscription)
      periods.set(`${subscription.id}|${periodStart.toISOString()}`, { subscription, periodStart, periodEnd });
  };
  for (const invoice of params.invoices) {
    if (invoice.subscriptionId) add(byId.get(invoice.subscriptionId), invoice.periodStart, invoice.periodEnd);
  }
  for (const s of params.subscriptions) add(s, s.currentPeriodStart, s.currentPeriodEnd);
  for (const row of await listUnpaidCreditPeriods(tx, { subscriptionIds: [...byId.keys()] })) {
    add(byId.get(row.subscriptionId), row.periodStart, row.periodEnd);
  }
  for (const key of [...periods.keys()].sort()) await settleCreditPeriod(tx, periods.get(key)!, params.now);
}
