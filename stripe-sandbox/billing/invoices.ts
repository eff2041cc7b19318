import { days } from "../core/clock";
import { invalidRequest } from "../core/errors";
import { newId } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import type { BillingReason, Charge, Invoice, PaymentMethod, Subscription } from "../core/types";
import { buildInvoice, buildInvoiceLine, type LineInput } from "../objects/invoice";
import { buildInvoicePayment } from "../objects/payment";
import { AUTHENTICATION_REQUIRED } from "./cards";
import { chargeCard } from "./charges";

export type PaymentOutcome = "paid" | "failed" | "action_required";

export interface PaymentAttempt {
  outcome: PaymentOutcome;
  /** The attempt's charge; null when nothing was charged (nothing owed, or no card). */
  charge: Charge | null;
}

/** Days to wait before each automatic retry of a failed invoice payment; after the last, retries stop. */
const RETRY_DELAYS_DAYS = [3, 5, 7];

export function invoiceSubscriptionId(invoice: Invoice): string | null {
  return invoice.parent.subscription_details?.subscription ?? null;
}

/** Creates a draft subscription invoice (invoice.created). `id` lets the caller point latest_invoice at it first. */
export function draftInvoice(
  sb: Sandbox,
  input: {
    id?: string;
    subscription: Subscription;
    reason: BillingReason;
    lines: LineInput[];
    period: { start: number; end: number };
  },
): Invoice {
  const id = input.id ?? newId("in");
  const customer = sb.require("customers", input.subscription.customer);
  const lines = input.lines.map((line) =>
    buildInvoiceLine({ id: newId("il"), invoice: id, subscription: input.subscription.id, line }),
  );
  const invoice = buildInvoice({
    id,
    created: sb.now(),
    customer,
    subscription: input.subscription,
    billingReason: input.reason,
    lines,
    period: input.period,
  });
  sb.store.insert("invoices", invoice);
  sb.emit("invoice.created", invoice);
  return invoice;
}

/** Draft -> open: applies the customer's credit balance, numbers the invoice (invoice.finalized). */
export function finalizeInvoice(sb: Sandbox, invoice: Invoice): void {
  const customer = sb.require("customers", invoice.customer);
  const customerBefore = sb.view(customer);
  const before = sb.view(invoice);
  const owed = invoice.total + customer.balance;
  invoice.starting_balance = customer.balance;
  invoice.amount_due = Math.max(0, owed);
  invoice.amount_remaining = invoice.amount_due;
  invoice.ending_balance = Math.min(0, owed);
  invoice.number = `${customer.invoice_prefix}-${String(customer.next_invoice_sequence).padStart(4, "0")}`;
  invoice.status = "open";
  invoice.effective_at = sb.now();
  invoice.status_transitions.finalized_at = sb.now();
  customer.next_invoice_sequence += 1;
  customer.balance = invoice.ending_balance;
  sb.emit("invoice.finalized", invoice, before);
  if (customerBefore.balance !== customer.balance) sb.emit("customer.updated", customer, customerBefore);
}

/**
 * Tries to collect an open invoice with a card. Failures count an attempt and, when `retries` is on, schedule the
 * next automatic attempt (invoice.payment_failed, or invoice.payment_action_required for 3-D Secure).
 */
export function collectInvoice(
  sb: Sandbox,
  invoice: Invoice,
  paymentMethod: PaymentMethod | null,
  options: { offSession: boolean; retries: boolean },
): PaymentAttempt {
  if (invoice.status !== "open" && invoice.status !== "uncollectible") {
    throw invalidRequest(
      `Invoice ${invoice.id} is ${invoice.status} and cannot be paid.`,
      "invoice",
      "invoice_not_editable",
    );
  }
  if (invoice.amount_remaining === 0) {
    markPaid(sb, invoice, null);
    return { outcome: "paid", charge: null };
  }
  const before = sb.view(invoice);
  invoice.attempted = true;
  invoice.attempt_count += 1;
  const charge = paymentMethod
    ? chargeCard(sb, {
        customer: invoice.customer,
        paymentMethod,
        amount: invoice.amount_remaining,
        description: invoice.billing_reason === "subscription_create" ? "Subscription creation" : "Subscription update",
        offSession: options.offSession,
      })
    : null;
  if (charge?.status === "succeeded") {
    markPaid(sb, invoice, charge);
    return { outcome: "paid", charge };
  }
  const retryIn = RETRY_DELAYS_DAYS[invoice.attempt_count - 1];
  invoice.next_payment_attempt = options.retries && retryIn !== undefined ? sb.now() + days(retryIn) : null;
  const actionRequired = charge?.failure_code === AUTHENTICATION_REQUIRED.code;
  sb.emit(actionRequired ? "invoice.payment_action_required" : "invoice.payment_failed", invoice, before);
  return { outcome: actionRequired ? "action_required" : "failed", charge };
}

function markPaid(sb: Sandbox, invoice: Invoice, charge: Charge | null): void {
  const before = sb.view(invoice);
  invoice.status = "paid";
  invoice.amount_paid = invoice.amount_remaining + invoice.amount_paid;
  invoice.amount_remaining = 0;
  invoice.next_payment_attempt = null;
  invoice.status_transitions.paid_at = sb.now();
  if (charge?.payment_intent) {
    const payment = buildInvoicePayment({
      id: newId("inpay"),
      created: sb.now(),
      invoice: invoice.id,
      amount: charge.amount,
      paymentIntent: charge.payment_intent,
    });
    sb.store.insert("invoice_payments", payment);
  }
  sb.emit("invoice.paid", invoice, before);
  sb.emit("invoice.payment_succeeded", invoice);
}

export function voidInvoice(sb: Sandbox, invoice: Invoice): void {
  if (invoice.status !== "open" && invoice.status !== "uncollectible") {
    throw invalidRequest(
      `You can only void an open or uncollectible invoice; ${invoice.id} is ${invoice.status}.`,
      "invoice",
    );
  }
  const before = sb.view(invoice);
  invoice.status = "void";
  invoice.next_payment_attempt = null;
  invoice.status_transitions.voided_at = sb.now();
  sb.emit("invoice.voided", invoice, before);
}

export function markUncollectible(sb: Sandbox, invoice: Invoice): void {
  if (invoice.status !== "open") {
    throw invalidRequest(
      `You can only mark an open invoice uncollectible; ${invoice.id} is ${invoice.status}.`,
      "invoice",
    );
  }
  const before = sb.view(invoice);
  invoice.status = "uncollectible";
  invoice.next_payment_attempt = null;
  invoice.status_transitions.marked_uncollectible_at = sb.now();
  sb.emit("invoice.marked_uncollectible", invoice, before);
}
