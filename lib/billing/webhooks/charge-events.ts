import "server-only";
import type Stripe from "stripe";
import { getSubscriptionById, markInvoicePaymentProblem } from "@/db/queries/billing";
import { settleCreditPeriods } from "../credit-lifecycle";
import { idOf } from "../stripe-client";
import { applyCustomerSnapshot, fetchCustomerSnapshot } from "../sync";
import type { EventEffect, EventHandler } from "./types";

/**
 * Dispute statuses in which the disputed funds are out of the platform's balance. An inquiry
 * (warning_needs_response, warning_under_review, warning_closed) moves no money; a won dispute returned them.
 */
const FUNDS_WITHDRAWN: ReadonlySet<string> = new Set(["needs_response", "under_review", "lost"]);

/** The invoice a charge paid, found through its payment intent (charges no longer name their invoice). */
async function invoiceIdForCharge(charge: Stripe.Charge, stripe: Stripe): Promise<string | null> {
  const paymentIntent = idOf(charge.payment_intent);
  if (!paymentIntent) return null;
  const payments = await stripe.invoicePayments.list({
    payment: { type: "payment_intent", payment_intent: paymentIntent },
    limit: 1,
  });
  return idOf(payments.data[0]?.invoice as string | { id: string } | undefined);
}

/**
 * Refunds and disputes: re-read the charge and its disputes, sync the customer, record what was refunded and
 * whether a dispute holds the funds on the invoice, then settle that invoice's period: its credits never exceed 70%
 * of what was paid net of refunds (the newest go first), a withdrawn dispute funds none, a won one funds them again.
 */
async function chargeEffect(chargeId: string, stripe: Stripe, now: Date): Promise<EventEffect> {
  const charge = await stripe.charges.retrieve(chargeId);
  const disputes = await stripe.disputes.list({ charge: charge.id, limit: 10 });
  const fundsWithdrawn = disputes.data.some((d) => FUNDS_WITHDRAWN.has(d.status));
  const invoiceId = await invoiceIdForCharge(charge, stripe);
  const customerId = idOf(charge.customer);
  const snapshot = customerId ? await fetchCustomerSnapshot(customerId, stripe, { now }) : null;
  return async (tx) => {
    if (snapshot) await applyCustomerSnapshot(tx, snapshot);
    if (!invoiceId) return;
    const invoice = await markInvoicePaymentProblem(tx, {
      stripeInvoiceId: invoiceId,
      stripeChargeId: charge.id,
      amountRefundedCents: charge.amount_refunded,
      disputed: fundsWithdrawn,
    });
    if (!invoice?.subscriptionId) return;
    const subscription = await getSubscriptionById(tx, { subscriptionId: invoice.subscriptionId });
    if (!subscription) return;
    await settleCreditPeriods(
      tx,
      [{ subscription, periodStart: invoice.periodStart, periodEnd: invoice.periodEnd }],
      now,
    );
  };
}

export const onChargeRefunded: EventHandler = async (event, stripe, now) =>
  chargeEffect((event.data.object as Stripe.Charge).id, stripe, now);

export const onDispute: EventHandler = async (event, stripe, now) =>
  chargeEffect(idOf((event.data.object as Stripe.Dispute).charge), stripe, now);
