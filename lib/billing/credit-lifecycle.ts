import "server-only";
import {
  listEndedPendingPeriods,
  markPeriodCreditsEarned,
  reversePeriodCredits,
  restoreReversedCredits,
  voidPeriodCredits,
} from "@/db/queries/credits";
import { hasPaidInvoiceForPeriod } from "@/db/queries/billing";
import type { Invoice, Subscription, SubscriptionStatus } from "@/db/schema";
import type { Executor } from "@/db/types";

/** Subscription states in which Stripe will not collect an unpaid period any more. */
const GAVE_UP: ReadonlySet<SubscriptionStatus> = new Set(["canceled", "unpaid", "incomplete_expired", "paused"]);

/** An invoice's state decides its period's credits: paid -> earned; void or uncollectible -> void. */
export async function settleInvoiceCredits(tx: Executor, invoice: Invoice, now: Date) {
  if (!invoice.subscriptionId) return;
  const period = { subscriptionId: invoice.subscriptionId, periodStart: invoice.periodStart };
  if (invoice.status === "paid" && invoice.amountRefundedCents === 0 && !invoice.disputed) {
    await markPeriodCreditsEarned(tx, { ...period, invoiceId: invoice.id, at: invoice.paidAt ?? now });
  } else if (invoice.status === "void" || invoice.status === "uncollectible") {
    await voidPeriodCredits(tx, { ...period, at: now });
  }
}

/** Subscription states after which no period of it will be billed again. */
const ENDED: ReadonlySet<SubscriptionStatus> = new Set(["canceled", "incomplete_expired"]);
/** Later than any period end: an ended subscription's unpaid periods are over whatever their planned end. */
const END_OF_TIME = new Date("9999-12-31T00:00:00Z");

/**
 * A period that ended with no paid invoice, once Stripe has given up on it, earns nothing. A subscription canceled
 * after its failed renewals ends its unpaid period early: that period's credits are void at once, not at its
 * planned end (no webhook would come then to void them).
 */
export async function voidUnpaidEndedPeriods(tx: Executor, subscription: Subscription, now: Date) {
  if (!GAVE_UP.has(subscription.status)) return;
  const before = ENDED.has(subscription.status) ? END_OF_TIME : now;
  const periods = await listEndedPendingPeriods(tx, { subscriptionId: subscription.id, before });
  for (const p of periods) {
    const paid = await hasPaidInvoiceForPeriod(tx, { subscriptionId: subscription.id, periodStart: p.periodStart });
    if (!paid) await voidPeriodCredits(tx, { subscriptionId: subscription.id, periodStart: p.periodStart, at: now });
  }
}

/** Refund or dispute of the invoice that paid a period: its credits are reversed (a paid-out one is deducted later). */
export async function reverseInvoiceCredits(tx: Executor, invoice: Invoice, now: Date) {
  if (!invoice.subscriptionId) return 0;
  return reversePeriodCredits(tx, {
    subscriptionId: invoice.subscriptionId,
    periodStart: invoice.periodStart,
    invoiceId: invoice.id,
    at: now,
  });
}

/** A dispute the platform won: the period's credits count again. */
export async function restoreInvoiceCredits(tx: Executor, invoice: Invoice, now: Date) {
  if (!invoice.subscriptionId) return 0;
  return restoreReversedCredits(tx, {
    subscriptionId: invoice.subscriptionId,
    periodStart: invoice.periodStart,
    at: now,
  });
}
