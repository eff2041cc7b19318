import "server-only";
import { DrizzleQueryError } from "drizzle-orm";
import type Stripe from "stripe";
import { markStripeEventFailed, markStripeEventIgnored, markStripeEventProcessed } from "@/db/queries/stripe-event-log";
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

/** How one attempt ended, for a caller that writes something alongside the outcome (an admin's audit entry). */
export type DispatchResult = { outcome: DispatchOutcome } | { outcome: "failed"; error: string };

export type DispatchOptions = {
  now?: () => Date;
  /** Runs in the transaction that stores the attempt's outcome: for `applied`, the effect's own transaction. */
  alongside?: (tx: Executor, result: DispatchResult) => Promise<void>;
};

/**
 * Applies one verified event exactly once: state is re-read from Stripe, then the effect and the event id are
 * written in one transaction. A failure rolls both back and propagates, so Stripe's retry starts clean.
 *
 * Each outcome is also written to stripe_event_log for /admin, at the cost of one statement: `processed` inside
 * the effect's transaction, `failed` with the error after the rollback, or `ignored`. A duplicate writes nothing.
 * The log never decides anything; a log write that fails after a failed attempt is reported, and the original
 * error still propagates.
 */
export async function handleStripeEvent(
  db: Executor,
  event: Stripe.Event,
  stripe: Stripe = getStripe(),
  options: DispatchOptions = {},
): Promise<DispatchOutcome> {
  const ref = () => ({
    eventId: event.id,
    type: event.type,
    stripeCreatedAt: new Date(event.created * 1000),
    now: options.now?.() ?? new Date(),
  });
  const { alongside } = options;
  // The outcome's log write, with the caller's write in the same transaction when there is one.
  const settle = async (result: DispatchResult, write: (ex: Executor) => Promise<void>) => {
    if (!alongside) return write(db);
    await db.transaction(async (tx) => {
      await write(tx);
      await alongside(tx, result);
    });
  };

  const handler = HANDLERS[event.type];
  if (!handler) {
    await settle({ outcome: "ignored" }, (ex) => markStripeEventIgnored(ex, ref()));
    return "ignored";
  }
  try {
    if (await isStripeEventProcessed(db, { eventId: event.id })) {
      await settle({ outcome: "duplicate" }, async () => {});
      return "duplicate";
    }
    const effect = await handler(event, stripe, options.now?.() ?? new Date());
    return await db.transaction(async (tx) => {
      const fresh = await recordStripeEvent(tx, {
        eventId: event.id,
        type: event.type,
        createdAt: new Date(event.created * 1000),
      });
      if (!fresh) {
        await alongside?.(tx, { outcome: "duplicate" });
        return "duplicate";
      }
      await effect(tx);
      await markStripeEventProcessed(tx, ref());
      await alongside?.(tx, { outcome: "applied" });
      return "applied";
    });
  } catch (error) {
    const message = describeFailure(error);
    try {
      await settle({ outcome: "failed", error: message }, (ex) =>
        markStripeEventFailed(ex, { ...ref(), error: message }),
      );
    } catch (logError) {
      console.error(
        JSON.stringify({
          level: "error",
          msg: "stripe event log write failed",
          eventId: event.id,
          error: describeFailure(logError),
        }),
      );
    }
    throw error;
  }
}

/**
 * What an admin reads in the events log: Stripe's error type and message, or ours. Never a stack, and never the
 * SQL and parameters of a failed query (drizzle puts them in its message): the database's own message instead.
 */
function describeFailure(error: unknown): string {
  if (error instanceof DrizzleQueryError && error.cause instanceof Error) {
    return `Database error: ${error.cause.message}`;
  }
  if (error instanceof Error) {
    const type = (error as { type?: unknown }).type;
    return typeof type === "string" && type !== error.name
      ? `${error.name} (${type}): ${error.message}`
      : `${error.name}: ${error.message}`;
  }
  return String(error);
}
