import { invalidRequest } from "../core/errors";
import { newId } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import type { ProrationLine } from "../core/store";
import type { Customer, Metadata, PauseBehavior, PaymentMethod, Price, Subscription, Unix } from "../core/types";
import type { CardInput } from "../objects/payment";
import { itemsOf } from "../objects/render";
import { collectInvoice, draftInvoice, finalizeInvoice } from "./invoices";
import { periodLines, prorationLineInputs, prorationsFor, takePendingProrations } from "./lines";
import { attachCard, paymentMethodForSubscription } from "./payment-methods";
import { applyPaymentOutcome, currentPeriod, periodEndFrom, recurringOf, setPeriod } from "./subscriptions";

type ProrationBehavior = "create_prorations" | "always_invoice" | "none";

export interface SubscriptionChanges {
  cancelAtPeriodEnd?: boolean;
  items?: { id: string; quantity?: number; price?: Price }[];
  metadata?: Metadata;
  pauseCollection?: { behavior: PauseBehavior; resumes_at: Unix | null } | null;
  defaultPaymentMethod?: PaymentMethod | null;
  cancellationDetails?: { comment?: string; feedback?: string };
  prorationBehavior: ProrationBehavior;
}

const PRORATING = new Set(["active", "past_due"]);

/** Applies a subscription update as one customer.subscription.updated; quantity/price changes prorate like Stripe. */
export function updateSubscription(
  sb: Sandbox,
  subscription: Subscription,
  changes: SubscriptionChanges,
): Subscription {
  const onlyNotes = Object.entries(changes).every(
    ([key, value]) => value === undefined || ["metadata", "cancellationDetails", "prorationBehavior"].includes(key),
  );
  if (subscription.status === "canceled" && !onlyNotes) {
    throw invalidRequest("A canceled subscription can only update its cancellation_details and metadata.");
  }
  const before = sb.view(subscription);
  if (changes.cancelAtPeriodEnd !== undefined) scheduleCancellation(sb, subscription, changes.cancelAtPeriodEnd);
  if (changes.metadata) subscription.metadata = changes.metadata;
  if (changes.pauseCollection !== undefined) subscription.pause_collection = changes.pauseCollection;
  if (changes.defaultPaymentMethod !== undefined)
    subscription.default_payment_method = changes.defaultPaymentMethod?.id ?? null;
  Object.assign(subscription.cancellation_details, changes.cancellationDetails ?? {});

  const prorations = changeItems(sb, subscription, changes.items ?? [], changes.prorationBehavior);
  const invoiceNow = prorations.length > 0 && changes.prorationBehavior === "always_invoice";
  if (invoiceNow) {
    subscription.latest_invoice = newId("in");
  } else if (prorations.length > 0) {
    const pending = sb.store.state.pendingProrations;
    pending[subscription.id] = [...(pending[subscription.id] ?? []), ...prorations];
  }
  if (JSON.stringify(before) !== JSON.stringify(sb.view(subscription))) {
    sb.emit("customer.subscription.updated", subscription, before);
  }
  if (invoiceNow) invoiceProrationsNow(sb, subscription, prorations);
  return subscription;
}

function scheduleCancellation(sb: Sandbox, subscription: Subscription, atPeriodEnd: boolean): void {
  subscription.cancel_at_period_end = atPeriodEnd;
  subscription.cancel_at = atPeriodEnd ? currentPeriod(sb, subscription).end : null;
  subscription.canceled_at = atPeriodEnd ? sb.now() : null;
  subscription.cancellation_details.reason = atPeriodEnd ? "cancellation_requested" : null;
}

function changeItems(
  sb: Sandbox,
  subscription: Subscription,
  changes: NonNullable<SubscriptionChanges["items"]>,
  behavior: ProrationBehavior,
): ProrationLine[] {
  const [first] = itemsOf(sb.store, subscription.id);
  const interval = recurringOf(sb.require("prices", first.price));
  return changes.flatMap((change, index) => {
    const item = sb.require("subscription_items", change.id, `items[${index}][id]`);
    if (item.subscription !== subscription.id) {
      throw invalidRequest(
        `The subscription item ${item.id} does not belong to ${subscription.id}.`,
        `items[${index}][id]`,
      );
    }
    const price = change.price ?? sb.require("prices", item.price);
    const quantity = change.quantity ?? item.quantity;
    const recurring = recurringOf(price);
    if (recurring.interval !== interval.interval || recurring.interval_count !== interval.interval_count) {
      throw invalidRequest(
        "The sandbox cannot change a subscription to a price with another billing interval.",
        `items[${index}][price]`,
      );
    }
    if (price.id === item.price && quantity === item.quantity) return [];
    const prorate = behavior !== "none" && PRORATING.has(subscription.status);
    const prorations = prorate ? prorationsFor(sb, item, { price, quantity }, sb.now()) : [];
    item.price = price.id;
    item.quantity = quantity;
    return prorations;
  });
}

/** proration_behavior=always_invoice: bill the prorations (and any pending ones) at once. */
function invoiceProrationsNow(sb: Sandbox, subscription: Subscription, prorations: ProrationLine[]): void {
  const now = sb.now();
  const invoice = draftInvoice(sb, {
    id: subscription.latest_invoice ?? undefined,
    subscription,
    reason: "subscription_update",
    lines: [...takePendingProrations(sb, subscription.id), ...prorationLineInputs(sb, prorations)],
    period: { start: now, end: now },
  });
  finalizeInvoice(sb, invoice);
  const attempt = collectInvoice(sb, invoice, paymentMethodForSubscription(sb, subscription), {
    offSession: true,
    retries: true,
  });
  applyPaymentOutcome(sb, subscription, attempt.outcome);
}

/**
 * Resumes a paused subscription with a new billing cycle starting now (billing_cycle_anchor=now) and invoices the
 * new period. It becomes active when that invoice is paid; if the card fails it stays paused with the invoice open.
 */
export function resumeSubscription(
  sb: Sandbox,
  subscription: Subscription,
  options: { offSession: boolean },
): Subscription {
  if (subscription.status !== "paused") {
    throw invalidRequest(`Only a paused subscription can be resumed; ${subscription.id} is ${subscription.status}.`);
  }
  const before = sb.view(subscription);
  const now = sb.now();
  subscription.billing_cycle_anchor = now;
  const period = { start: now, end: periodEndFrom(sb, subscription, now) };
  subscription.latest_invoice = newId("in");
  setPeriod(sb, subscription, period);
  sb.emit("customer.subscription.updated", subscription, before);

  const invoice = draftInvoice(sb, {
    id: subscription.latest_invoice,
    subscription,
    reason: "subscription_update",
    lines: periodLines(sb, subscription, period, false),
    period: { start: now, end: now },
  });
  finalizeInvoice(sb, invoice);
  const attempt = collectInvoice(sb, invoice, paymentMethodForSubscription(sb, subscription), {
    offSession: options.offSession,
    retries: false,
  });
  applyPaymentOutcome(sb, subscription, attempt.outcome);
  return subscription;
}

/**
 * The portal's "update card": the new card becomes the customer's and their subscriptions' default, and open
 * invoices of past-due, incomplete or resuming subscriptions are paid with it at once.
 */
export function replaceDefaultCard(sb: Sandbox, customer: Customer, card: CardInput): PaymentMethod {
  const paymentMethod = attachCard(sb, customer, card);
  const customerBefore = sb.view(customer);
  customer.invoice_settings.default_payment_method = paymentMethod.id;
  sb.emit("customer.updated", customer, customerBefore);
  const subscriptions = sb.store
    .all("subscriptions")
    .filter((sub) => sub.customer === customer.id && sub.status !== "canceled");
  for (const subscription of subscriptions) {
    const before = sb.view(subscription);
    subscription.default_payment_method = paymentMethod.id;
    sb.emit("customer.subscription.updated", subscription, before);
    const invoice = subscription.latest_invoice ? sb.store.get("invoices", subscription.latest_invoice) : undefined;
    if (invoice?.status === "open") {
      const attempt = collectInvoice(sb, invoice, paymentMethod, { offSession: false, retries: true });
      applyPaymentOutcome(sb, subscription, attempt.outcome);
    }
  }
  return paymentMethod;
}
