import "server-only";
import type Stripe from "stripe";
import type { InvoiceStatus, SubscriptionStatus } from "@/db/schema";
import { fromUnix, idOf } from "./stripe-client";

/** What we keep of a Stripe subscription. Period fields live on the subscription item in current API versions. */
export function subscriptionFields(sub: Stripe.Subscription, now: Date) {
  const item = sub.items.data[0];
  if (!item) throw new Error(`Subscription ${sub.id} has no items`);
  const currentPeriodStart = fromUnix(item.current_period_start);
  // A period that ended the second it began (a trial ended at once) still needs a length: our table checks end > start.
  const currentPeriodEnd = new Date(Math.max(item.current_period_end * 1000, currentPeriodStart.getTime() + 1000));
  return {
    stripeSubscriptionId: sub.id,
    stripeCustomerId: idOf(sub.customer),
    stripePriceId: item.price.id,
    status: sub.status as SubscriptionStatus,
    quantity: item.quantity ?? 1,
    unitAmountCents: item.price.unit_amount ?? 0,
    currentPeriodStart,
    currentPeriodEnd,
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    canceledAt: fromUnix(sub.canceled_at),
    trialStart: fromUnix(sub.trial_start),
    trialEnd: fromUnix(sub.trial_end),
    endedAt: fromUnix(sub.ended_at),
    stripeSyncedAt: now,
  };
}

/** The subscription an invoice bills, and the subscription period it pays for (from its subscription line). */
export function invoiceFields(invoice: Stripe.Invoice) {
  const subscriptionId = idOf(invoice.parent?.subscription_details?.subscription ?? null);
  // The line for the subscription's period, not a proration: a renewal after a seat change lists the prorations for
  // the old period first, and taking their period would settle the wrong period's credits.
  const lines = invoice.lines.data;
  const line =
    lines.find((l) => l.parent?.subscription_item_details && !l.parent.subscription_item_details.proration) ??
    lines.find((l) => l.parent?.subscription_item_details) ??
    lines[0];
  const periodStart = fromUnix(line?.period.start ?? invoice.period_start);
  const periodEnd = fromUnix(line?.period.end ?? invoice.period_end);
  return {
    stripeSubscriptionId: subscriptionId,
    stripeInvoiceId: invoice.id,
    status: (invoice.status ?? "draft") as InvoiceStatus,
    currency: invoice.currency,
    amountDueCents: invoice.amount_due,
    amountPaidCents: invoice.amount_paid,
    periodStart,
    periodEnd: periodEnd > periodStart ? periodEnd : new Date(periodStart.getTime() + 1000),
    paidAt: fromUnix(invoice.status_transitions?.paid_at ?? null),
  };
}
