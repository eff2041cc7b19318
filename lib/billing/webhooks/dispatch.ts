import "server-only";
import type Stripe from "stripe";
import { isStripeEventProcessed, recordStripeEvent } from "@/db/queries/stripe-events";
import type { Executor } from "@/db/types";
import { getStripe } from "../stripe-client";
import { onChargeRefunded, onDispute } from "./charge-events";
import { onAccountUpdated, onTransferCreated, onTransferReversed } from "./connect-events";
import {
  onCheckoutCompleted,
  onPaymentActionRequired,
  onPaymentFailed,
  onSubscriptionOrInvoiceChange,
  onTrialWillEnd,
} from "./subscription-events";
import type { EventHandler } from "./types";

/** Every event type Flowtab acts on (PRODUCT.md "Billing"). Others are acknowledged and ignored. */
export const HANDLERS: Record<string, EventHandler> = {
  "checkout.session.completed": onCheckoutCompleted,
  "customer.subscription.created": onSubscriptionOrInvoiceChange,
  "customer.subscription.updated": onSubscriptionOrInvoiceChange,
  "customer.subscription.deleted": onSubscriptionOrInvoiceChange,
  "customer.subscription.paused": onSubscriptionOrInvoiceChange,
  "customer.subscription.resumed": onSubscriptionOrInvoiceChange,
  "customer.subscription.trial_will_end": onTrialWillEnd,
  "invoice.paid": onSubscriptionOrInvoiceChange,
  // Beyond PRODUCT.md's list: a voided or uncollectible invoice voids its period's credits at once.
  "invoice.voided": onSubscriptionOrInvoiceChange,
  "invoice.marked_uncollectible": onSubscriptionOrInvoiceChange,
  "invoice.payment_failed": onPaymentFailed,
  "invoice.payment_action_required": onPaymentActionRequired,
  "charge.refunded": onChargeRefunded,
  "charge.dispute.created": onDispute,
  "charge.dispute.closed": onDispute,
  "account.updated": onAccountUpdated,
  "transfer.created": onTransferCreated,
  "transfer.reversed": onTransferReversed,
};

export type DispatchOutcome = "applied" | "duplicate" | "ignored";

/**
 * Applies one verified event exactly once: state is re-read from Stripe, then the effect and the event id are
 * written in one transaction. A failure rolls both back and propagates, so Stripe's retry starts clean.
 */
export async function handleStripeEvent(
  db: Executor,
  event: Stripe.Event,
  stripe: Stripe = getStripe(),
  options: { now?: Date } = {},
): Promise<DispatchOutcome> {
  const handler = HANDLERS[event.type];
  if (!handler) return "ignored";
  if (await isStripeEventProcessed(db, { eventId: event.id })) return "duplicate";
  const effect = await handler(event, stripe, options.now ?? new Date());
  return db.transaction(async (tx) => {
    const fresh = await recordStripeEvent(tx, {
      eventId: event.id,
      type: event.type,
      createdAt: new Date(event.created * 1000),
    });
    if (!fresh) return "duplicate";
    await effect(tx);
    return "applied";
  });
}
