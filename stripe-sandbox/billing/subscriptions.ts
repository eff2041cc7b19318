import { addIntervals, days, nextBoundary } from "../core/clock";
import { cardDeclined, invalidRequest, type StripeError } from "../core/errors";
import { newId } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import type {
  Customer,
  Metadata,
  MissingPaymentMethod,
  PaymentMethod,
  Price,
  Subscription,
  SubscriptionStatus,
  Unix,
} from "../core/types";
import { itemsOf } from "../objects/render";
import { buildSubscription, buildSubscriptionItem } from "../objects/subscription";
import { declineOf } from "./charges";
import { collectInvoice, draftInvoice, finalizeInvoice, type PaymentAttempt, type PaymentOutcome } from "./invoices";
import { periodLines } from "./lines";

type PaymentBehavior = "allow_incomplete" | "default_incomplete" | "error_if_incomplete";

export interface NewSubscription {
  customer: Customer;
  items: { price: Price; quantity: number }[];
  trialDays: number | null;
  missingPaymentMethod: MissingPaymentMethod;
  paymentMethod: PaymentMethod | null;
  metadata: Metadata;
  paymentBehavior: PaymentBehavior;
  /** Checkout charges with the customer present; API-created subscriptions charge off-session. */
  offSession: boolean;
}

/**
 * Creates a subscription and its first invoice, as Stripe does: with a trial the invoice is $0 and paid and the
 * subscription is `trialing`; otherwise the card is charged and the subscription goes `incomplete` -> `active`
 * (or stays `incomplete` when the charge fails; `error_if_incomplete` then undoes everything with a 402).
 */
export function createSubscription(sb: Sandbox, input: NewSubscription): Subscription {
  const now = sb.now();
  const { interval, interval_count } = recurringOf(input.items[0].price);
  const trial = input.trialDays ? { start: now, end: now + days(input.trialDays) } : null;
  const anchor = trial?.end ?? now;
  const period = { start: now, end: trial ? trial.end : addIntervals(anchor, interval, interval_count, 1) };
  const subscription = buildSubscription({
    id: newId("sub"),
    created: now,
    customer: input.customer.id,
    status: trial ? "trialing" : "incomplete",
    anchor,
    trial,
    missingPaymentMethod: input.missingPaymentMethod,
    defaultPaymentMethod: input.paymentMethod?.id ?? null,
    metadata: input.metadata,
  });
  subscription.latest_invoice = newId("in");
  sb.store.insert("subscriptions", subscription);
  for (const item of input.items) {
    sb.store.insert(
      "subscription_items",
      buildSubscriptionItem({
        id: newId("si"),
        created: now,
        subscription: subscription.id,
        price: item.price.id,
        quantity: item.quantity,
        period,
      }),
    );
  }
  input.customer.currency ??= "usd";
  sb.emit("customer.subscription.created", subscription);

  const invoice = draftInvoice(sb, {
    id: subscription.latest_invoice,
    subscription,
    reason: "subscription_create",
    lines: periodLines(sb, subscription, period, trial !== null),
    period: { start: now, end: now },
  });
  finalizeInvoice(sb, invoice);
  if (input.paymentBehavior === "default_incomplete" && invoice.amount_due > 0) return subscription;
  const attempt = collectInvoice(sb, invoice, input.paymentMethod, { offSession: input.offSession, retries: false });
  if (attempt.outcome !== "paid" && input.paymentBehavior === "error_if_incomplete") throw paymentRefused(attempt);
  applyPaymentOutcome(sb, subscription, attempt.outcome);
  return subscription;
}

/** Moves the subscription's status after a payment of its latest invoice (subscription.updated, .resumed). */
export function applyPaymentOutcome(sb: Sandbox, subscription: Subscription, outcome: PaymentOutcome): void {
  const before = sb.view(subscription);
  const wasPaused = subscription.status === "paused";
  subscription.status = statusAfterPayment(subscription.status, outcome);
  if (subscription.status === before.status) return;
  sb.emit("customer.subscription.updated", subscription, before);
  if (wasPaused) sb.emit("customer.subscription.resumed", subscription);
}

function statusAfterPayment(status: SubscriptionStatus, outcome: PaymentOutcome): SubscriptionStatus {
  if (outcome === "paid") return ["incomplete", "past_due", "unpaid", "paused"].includes(status) ? "active" : status;
  return status === "active" ? "past_due" : status;
}

export function cancelNow(sb: Sandbox, subscription: Subscription, reason: string | null): void {
  const before = sb.view(subscription);
  const now = sb.now();
  subscription.status = "canceled";
  subscription.ended_at = now;
  subscription.canceled_at ??= now;
  subscription.cancellation_details.reason = reason ?? subscription.cancellation_details.reason;
  delete sb.store.state.pendingProrations[subscription.id];
  sb.emit("customer.subscription.deleted", subscription, before);
}

export function currentPeriod(sb: Sandbox, subscription: Subscription): { start: Unix; end: Unix } {
  const [item] = itemsOf(sb.store, subscription.id);
  return { start: item.current_period_start, end: item.current_period_end };
}

export function setPeriod(sb: Sandbox, subscription: Subscription, period: { start: Unix; end: Unix }): void {
  for (const item of itemsOf(sb.store, subscription.id)) {
    item.current_period_start = period.start;
    item.current_period_end = period.end;
  }
}

/** The end of the period that starts at `start`, on the subscription's billing cycle anchor. */
export function periodEndFrom(sb: Sandbox, subscription: Subscription, start: Unix): Unix {
  const [item] = itemsOf(sb.store, subscription.id);
  const { interval, interval_count } = recurringOf(sb.require("prices", item.price));
  return nextBoundary(subscription.billing_cycle_anchor, interval, interval_count, start);
}

export function recurringOf(price: Price): NonNullable<Price["recurring"]> {
  if (!price.recurring)
    throw invalidRequest(`The price ${price.id} is not recurring and cannot be used for a subscription.`, "price");
  return price.recurring;
}

/** The 402 (or 400 without a card) that aborts a create with error_if_incomplete, leaving nothing behind. */
function paymentRefused(attempt: PaymentAttempt): StripeError {
  if (!attempt.charge) {
    return invalidRequest(
      "This customer has no attached payment source or default payment method. Please consider adding a default payment method.",
      undefined,
      "resource_missing",
    );
  }
  // Without the charge id: the rollback removes the charge with everything else.
  return cardDeclined(declineOf(attempt.charge));
}
