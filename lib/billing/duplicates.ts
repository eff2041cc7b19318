import "server-only";
import type Stripe from "stripe";
import { LIVE_SUBSCRIPTION_STATUSES, type SubscriptionStatus } from "@/db/schema";
import { idOf } from "./stripe-client";

// One live subscription per tenant (PRODUCT.md "Billing"). Checkout refuses a second one, but two sessions opened
// together can both complete: the later subscription is then canceled and refunded at once, and a second trial is
// never granted. Every call here is idempotent, so two syncs racing on the same customer do it once.

const LIVE: ReadonlySet<string> = new Set<SubscriptionStatus>(LIVE_SUBSCRIPTION_STATUSES);

export function isLiveInStripe(subscription: Pick<Stripe.Subscription, "status">): boolean {
  return LIVE.has(subscription.status);
}

/** Keeps the earliest live subscription; refunds what the others were paid, then cancels them. */
export async function cancelDuplicateSubscriptions(subscriptions: Stripe.Subscription[], stripe: Stripe) {
  const [kept, ...duplicates] = subscriptions
    .filter(isLiveInStripe)
    .sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (!kept) return;
  for (const duplicate of duplicates) {
    // Refund first: were the cancellation to succeed and the refund fail, no later sync would find it to refund.
    await refundPaidInvoices(duplicate.id, stripe);
    await stripe.subscriptions.cancel(
      duplicate.id,
      { cancellation_details: { comment: `Duplicate of ${kept.id}: one live subscription per tenant.` } },
      { idempotencyKey: `duplicate-cancel:${duplicate.id}` },
    );
  }
}

async function refundPaidInvoices(subscriptionId: string, stripe: Stripe) {
  const invoices = await stripe.invoices.list({ subscription: subscriptionId, status: "paid", limit: 100 });
  for (const invoice of invoices.data) {
    if (invoice.amount_paid === 0) continue;
    const payments = await stripe.invoicePayments.list({ invoice: invoice.id, limit: 10 });
    for (const payment of payments.data) {
      const paymentIntent = idOf(payment.payment.payment_intent as string | { id: string } | null | undefined);
      if (!paymentIntent) continue;
      try {
        await stripe.refunds.create(
          { payment_intent: paymentIntent, reason: "duplicate" },
          { idempotencyKey: `duplicate-refund:${invoice.id}:${paymentIntent}` },
        );
      } catch (error) {
        // Refunded already (by an earlier sync whose response was lost, or by hand): nothing left to return.
        if ((error as { code?: string }).code !== "charge_already_refunded") throw error;
      }
    }
  }
}
