import { newId } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import type { Invoice, PauseBehavior, Subscription } from "../core/types";
import {
  collectInvoice,
  draftInvoice,
  finalizeInvoice,
  invoiceSubscriptionId,
  markUncollectible,
  voidInvoice,
} from "./invoices";
import { periodLines, takePendingProrations } from "./lines";
import { paymentMethodForSubscription } from "./payment-methods";
import { applyPaymentOutcome, cancelNow, currentPeriod, periodEndFrom, setPeriod } from "./subscriptions";

// What happens to a subscription as time passes. billing/lifecycle.ts decides when; these functions run at that
// moment with the clock pinned to it.

/** At the end of the current period: cancel (cancel_at_period_end), end the trial, or renew. */
export function endPeriod(sb: Sandbox, subscription: Subscription): void {
  if (subscription.cancel_at_period_end) return cancelNow(sb, subscription, "cancellation_requested");
  if (subscription.status === "trialing") return endTrial(sb, subscription);
  renew(sb, subscription);
}

/**
 * With a card on file the trial rolls into a paid period. Without one, `trial_settings.end_behavior
 * .missing_payment_method` decides: pause (no invoice, paywall returns), cancel, or create an invoice that fails.
 */
function endTrial(sb: Sandbox, subscription: Subscription): void {
  if (paymentMethodForSubscription(sb, subscription)) return renew(sb, subscription);
  switch (subscription.trial_settings.end_behavior.missing_payment_method) {
    case "pause": {
      const before = sb.view(subscription);
      subscription.status = "paused";
      sb.emit("customer.subscription.updated", subscription, before);
      sb.emit("customer.subscription.paused", subscription);
      return;
    }
    case "cancel":
      return cancelNow(sb, subscription, null);
    case "create_invoice":
      return renew(sb, subscription);
  }
}

/** Starts the next period and bills it (with pending prorations), honouring pause_collection. */
function renew(sb: Sandbox, subscription: Subscription): void {
  const before = sb.view(subscription);
  const ended = currentPeriod(sb, subscription);
  const next = { start: ended.end, end: periodEndFrom(sb, subscription, ended.end) };
  setPeriod(sb, subscription, next);
  if (subscription.status === "trialing") subscription.status = "active";
  subscription.latest_invoice = newId("in");
  sb.emit("customer.subscription.updated", subscription, before);

  const invoice = draftInvoice(sb, {
    id: subscription.latest_invoice,
    subscription,
    reason: "subscription_cycle",
    lines: [...takePendingProrations(sb, subscription.id), ...periodLines(sb, subscription, next, false)],
    // Stripe dates a cycle invoice by the period that just ended; the lines carry the new period.
    period: ended,
  });
  if (subscription.pause_collection) return settlePausedCollection(sb, invoice, subscription.pause_collection.behavior);
  finalizeInvoice(sb, invoice);
  const attempt = collectInvoice(sb, invoice, paymentMethodForSubscription(sb, subscription), {
    offSession: true,
    retries: true,
  });
  applyPaymentOutcome(sb, subscription, attempt.outcome);
}

function settlePausedCollection(sb: Sandbox, invoice: Invoice, behavior: PauseBehavior): void {
  if (behavior === "keep_as_draft") {
    invoice.auto_advance = false;
    return;
  }
  finalizeInvoice(sb, invoice);
  if (behavior === "void") voidInvoice(sb, invoice);
  else markUncollectible(sb, invoice);
}

/** Stripe's automatic retry of a past-due invoice; when the last retry fails the subscription is canceled. */
export function retryInvoice(sb: Sandbox, invoice: Invoice): void {
  const subscription = sb.require("subscriptions", invoiceSubscriptionId(invoice) ?? "");
  const attempt = collectInvoice(sb, invoice, paymentMethodForSubscription(sb, subscription), {
    offSession: true,
    retries: true,
  });
  if (attempt.outcome === "paid") return applyPaymentOutcome(sb, subscription, "paid");
  if (invoice.next_payment_attempt === null) cancelNow(sb, subscription, "payment_failed");
}

/** A first payment that never succeeded: after 23 hours Stripe expires the subscription and voids its invoice. */
export function expireIncomplete(sb: Sandbox, subscription: Subscription): void {
  const invoice = subscription.latest_invoice ? sb.store.get("invoices", subscription.latest_invoice) : undefined;
  if (invoice?.status === "open") voidInvoice(sb, invoice);
  const before = sb.view(subscription);
  subscription.status = "incomplete_expired";
  subscription.ended_at = sb.now();
  sb.emit("customer.subscription.deleted", subscription, before);
}

export function announceTrialEnd(sb: Sandbox, subscription: Subscription): void {
  sb.store.state.trialWillEndSent[subscription.id] = subscription.trial_end ?? 0;
  sb.emit("customer.subscription.trial_will_end", subscription);
}

export function resumeCollection(sb: Sandbox, subscription: Subscription): void {
  const before = sb.view(subscription);
  subscription.pause_collection = null;
  sb.emit("customer.subscription.updated", subscription, before);
}
