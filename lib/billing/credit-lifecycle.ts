import "server-only";
import {
  insertCreditPeriodIfMissing,
  insertRestoredCredits,
  listPeriodCredits,
  listSubscriptionInvoices,
  listUnpaidCreditPeriods,
  lockCreditPeriods,
  markCreditsEarned,
  markCreditsPaidOutAgain,
  markCreditsReversed,
  saveCreditPeriod,
  setCreditsStatus,
  type PeriodCredit,
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

const keyOf = (subscriptionId: string, periodStart: Date) => `${subscriptionId}|${periodStart.toISOString()}`;

/**
 * Recomputes periods: locks their credit_periods rows (copies of those periods wait), derives each one's payment from
 * the stored invoices, moves every credit to the status that payment implies and stores what the period funds. A few
 * statements whatever the number of periods; nothing is written for a period that is already right. Call inside a
 * transaction.
 */
export async function settleCreditPeriods(tx: Executor, periods: PeriodRef[], now: Date) {
  const unique = new Map(periods.map((p) => [keyOf(p.subscription.id, p.periodStart), p]));
  const ordered = [...unique].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, period]) => period);
  if (ordered.length === 0) return;
  const keys = ordered.map((p) => ({
    subscriptionId: p.subscription.id,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
  }));
  const rows = await lockCreditPeriods(tx, keys);
  const [invoices, credits] = await Promise.all([
    listSubscriptionInvoices(tx, { subscriptionIds: [...new Set(keys.map((k) => k.subscriptionId))] }),
    listPeriodCredits(tx, keys),
  ]);
  const invoicesOf = groupBy(invoices, (i) => (i.subscriptionId ? keyOf(i.subscriptionId, i.periodStart) : ""));
  const creditsOf = groupBy(credits, (c) => keyOf(c.subscriptionId, c.periodStart));
  const stored = new Map(rows.map((r) => [keyOf(r.subscriptionId, r.periodStart), r]));

  const earnedBy = new Map<string, string[]>();
  const restoredBy = new Map<string, string[]>();
  const changes = {
    toPaidOut: [] as string[],
    toReversed: [] as string[],
    toVoid: [] as string[],
    toPending: [] as string[],
  };
  const saves = [];
  for (const period of ordered) {
    const key = keyOf(period.subscription.id, period.periodStart);
    const payment = periodPayment(invoicesOf.get(key) ?? [], period.subscription, period.periodEnd, now);
    const plan = settlePeriodCredits((creditsOf.get(key) ?? []) as PeriodCredit[], payment);
    if (payment.invoiceId) {
      earnedBy.set(payment.invoiceId, [...(earnedBy.get(payment.invoiceId) ?? []), ...plan.toEarned]);
      restoredBy.set(payment.invoiceId, [...(restoredBy.get(payment.invoiceId) ?? []), ...plan.restoreFrom]);
    }
    changes.toPaidOut.push(...plan.toPaidOut);
    changes.toReversed.push(...plan.toReversed);
    changes.toVoid.push(...plan.toVoid);
    changes.toPending.push(...plan.toPending);
    const row = stored.get(key);
    const unchanged =
      row?.state === payment.state &&
      row.invoiceId === payment.invoiceId &&
      row.fundedCents === payment.fundedCents &&
      row.creditedCents === plan.creditedCents;
    if (!unchanged) {
      saves.push({
        subscriptionId: period.subscription.id,
        periodStart: period.periodStart,
        state: payment.state,
        invoiceId: payment.invoiceId,
        fundedCents: payment.fundedCents,
        creditedCents: plan.creditedCents,
        at: now,
      });
    }
  }
  for (const [invoiceId, ids] of earnedBy) await markCreditsEarned(tx, { ids, invoiceId, at: now });
  for (const [invoiceId, fromIds] of restoredBy) await insertRestoredCredits(tx, { fromIds, invoiceId, at: now });
  await markCreditsPaidOutAgain(tx, { ids: changes.toPaidOut, at: now });
  await markCreditsReversed(tx, { ids: changes.toReversed, at: now });
  await setCreditsStatus(tx, { ids: changes.toVoid, status: "void", at: now });
  await setCreditsStatus(tx, { ids: changes.toPending, status: "pending", at: now });
  for (const save of saves) await saveCreditPeriod(tx, save);
}

/**
 * The copy engine's first qualifying copy of a period: creates and settles the period's row unless it exists. Of many
 * parallel first copies one settles; the others wait for its insert and find the row there.
 */
export async function ensureCreditPeriod(tx: Executor, period: PeriodRef, now: Date) {
  const key = { subscriptionId: period.subscription.id, periodStart: period.periodStart, periodEnd: period.periodEnd };
  if (await insertCreditPeriodIfMissing(tx, key)) await settleCreditPeriods(tx, [period], now);
}

/**
 * After a sync: settles every period the sync may have changed (each synced invoice's period, each subscription's
 * current period, and every period still waiting for its payment).
 */
export async function settleSyncedPeriods(
  tx: Executor,
  params: { subscriptions: Subscription[]; invoices: Invoice[]; now: Date },
) {
  const byId = new Map(params.subscriptions.map((s) => [s.id, s]));
  const periods: PeriodRef[] = [];
  const add = (subscription: Subscription | undefined, periodStart: Date, periodEnd: Date) => {
    if (subscription) periods.push({ subscription, periodStart, periodEnd });
  };
  for (const invoice of params.invoices) {
    if (invoice.subscriptionId) add(byId.get(invoice.subscriptionId), invoice.periodStart, invoice.periodEnd);
  }
  for (const s of params.subscriptions) add(s, s.currentPeriodStart, s.currentPeriodEnd);
  for (const row of await listUnpaidCreditPeriods(tx, { subscriptionIds: [...byId.keys()] })) {
    add(byId.get(row.subscriptionId), row.periodStart, row.periodEnd);
  }
  await settleCreditPeriods(tx, periods, params.now);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
