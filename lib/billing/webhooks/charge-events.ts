import "server-only";
import type Stripe from "stripe";
import { markInvoicePaymentProblem } from "@/db/queries/billing";
import { restoreInvoiceCredits, reverseInvoiceCredits } from "../credit-lifecycle";
import { idOf } from "../stripe-client";
import { applyCustomerSnapshot, fetchCustomerSnapshot } from "../sync";
import type { EventEffect, EventHandler } from "./types";

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
 * Refunds and disputes: re-read the charge (and the dispute), sync the customer, then reverse the credits of the
 * period that invoice paid; a dispute won restores them.
 */
async function chargeEffect(chargeId: string, stripe: Stripe, disputeId: string | null): Promise<EventEffect> {
  const charge = await stripe.charges.retrieve(chargeId);
  const dispute = disputeId ? await stripe.disputes.retrieve(disputeId) : null;
  const invoiceId = await invoiceIdForCharge(charge, stripe);
  const customerId = idOf(charge.customer);
  const snapshot = customerId ? await fetchCustomerSnapshot(customerId, stripe) : null;
  return async (tx) => {
    if (snapshot) await applyCustomerSnapshot(tx, snapshot);
    if (!invoiceId) return;
    const disputeOpen = dispute ? dispute.status !== "won" : charge.disputed;
    const invoice = await markInvoicePaymentProblem(tx, {
      stripeInvoiceId: invoiceId,
      stripeChargeId: charge.id,
      amountRefundedCents: charge.amount_refunded,
      disputed: disputeOpen,
    });
    if (!invoice) return;
    const now = new Date();
    if (charge.amount_refunded > 0 || disputeOpen) await reverseInvoiceCredits(tx, invoice, now);
    else if (dispute?.status === "won") await restoreInvoiceCredits(tx, invoice, now);
  };
}

export const onChargeRefunded: EventHandler = async (event, stripe) =>
  chargeEffect((event.data.object as Stripe.Charge).id, stripe, null);

export const onDispute: EventHandler = async (event, stripe) => {
  const dispute = event.data.object as Stripe.Dispute;
  return chargeEffect(idOf(dispute.charge)!, stripe, dispute.id);
};
