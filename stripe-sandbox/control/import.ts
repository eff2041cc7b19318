import { z } from "zod";
import { cardInputFor, testCardByPaymentMethodId } from "../billing/cards";
import { recurringOf } from "../billing/subscriptions";
import { newId, randomToken } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import type { Customer, SubscriptionStatus } from "../core/types";
import { buildCustomer } from "../objects/customer";
import { buildPaymentMethod } from "../objects/payment";
import { buildSubscription, buildSubscriptionItem } from "../objects/subscription";
import { ControlError } from "./errors";

// `POST /_sandbox/import`: objects that already exist in the app's database (its seed, a restored backup) are created
// here with their own ids, as if they had always been in Stripe. Nothing is emitted: no event, no webhook, no invoice.
// An id that exists already is left alone, so importing the same data on every boot is harmless.

const STATUSES = [
  "incomplete",
  "incomplete_expired",
  "trialing",
  "active",
  "past_due",
  "canceled",
  "unpaid",
  "paused",
] as const;
const unix = z.int().positive();
const metadata = z.record(z.string(), z.string()).optional();

const customerInput = z.strictObject({
  id: z.string().regex(/^cus_\w+$/, "a customer id starts with cus_"),
  email: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
  created: unix.optional(),
  metadata,
  /** A test card's payment method id (`pm_card_visa`): attached and made the invoice default, so renewals are paid. */
  payment_method: z.string().optional(),
});

const subscriptionInput = z
  .strictObject({
    id: z.string().regex(/^sub_\w+$/, "a subscription id starts with sub_"),
    customer: z.string(),
    price: z.string(),
    quantity: z.int().positive().default(1),
    status: z.enum(STATUSES),
    current_period_start: unix,
    current_period_end: unix,
    created: unix.optional(),
    /** Default: the trial end for a trial, otherwise the current period's start. */
    billing_cycle_anchor: unix.optional(),
    cancel_at_period_end: z.boolean().default(false),
    canceled_at: unix.nullable().optional(),
    ended_at: unix.nullable().optional(),
    trial_start: unix.nullable().optional(),
    trial_end: unix.nullable().optional(),
    missing_payment_method: z.enum(["pause", "cancel", "create_invoice"]).default("create_invoice"),
    metadata,
  })
  .refine((s) => s.current_period_end > s.current_period_start, {
    error: "current_period_end must be after current_period_start",
    path: ["current_period_end"],
  })
  .refine((s) => s.status !== "trialing" || (s.trial_start != null && s.trial_end != null), {
    error: "a trialing subscription needs trial_start and trial_end",
    path: ["trial_end"],
  });

export const importBody = z.strictObject({
  customers: z.array(customerInput).max(1000).default([]),
  subscriptions: z.array(subscriptionInput).max(1000).default([]),
});

export interface ImportResult {
  customers: { created: string[]; existing: string[] };
  subscriptions: { created: string[]; existing: string[] };
}

/** Creates what is missing in one transaction: a bad entry (unknown price or customer) rolls the whole import back. */
export function importObjects(sb: Sandbox, body: z.output<typeof importBody>): ImportResult {
  const result: ImportResult = {
    customers: { created: [], existing: [] },
    subscriptions: { created: [], existing: [] },
  };
  sb.transaction(null, () => {
    for (const input of body.customers) {
      if (sb.store.get("customers", input.id)) {
        result.customers.existing.push(input.id);
        continue;
      }
      importCustomer(sb, input);
      result.customers.created.push(input.id);
    }
    for (const input of body.subscriptions) {
      if (sb.store.get("subscriptions", input.id)) {
        result.subscriptions.existing.push(input.id);
        continue;
      }
      importSubscription(sb, input);
      result.subscriptions.created.push(input.id);
    }
  });
  return result;
}

function importCustomer(sb: Sandbox, input: z.output<typeof customerInput>): Customer {
  const created = input.created ?? sb.now();
  const customer = buildCustomer({
    id: input.id,
    created,
    email: input.email ?? null,
    name: input.name ?? null,
    phone: null,
    description: null,
    invoicePrefix: randomToken(8).toUpperCase(),
    defaultPaymentMethod: null,
    metadata: input.metadata ?? {},
  });
  sb.store.insert("customers", customer);
  if (input.payment_method) {
    const card = testCardByPaymentMethodId(input.payment_method);
    if (!card || card.behaviour === "declines") {
      throw new ControlError(
        400,
        `customers: ${input.payment_method} is not a test card that can be attached (try pm_card_visa).`,
      );
    }
    const paymentMethod = buildPaymentMethod({
      id: newId("pm"),
      created,
      customer: customer.id,
      email: customer.email,
      card: cardInputFor(card),
    });
    sb.store.insert("payment_methods", paymentMethod);
    customer.invoice_settings.default_payment_method = paymentMethod.id;
  }
  return customer;
}

function importSubscription(sb: Sandbox, input: z.output<typeof subscriptionInput>): void {
  const customer = sb.store.get("customers", input.customer);
  if (!customer)
    throw new ControlError(400, `subscriptions: ${input.id} names customer ${input.customer}, which does not exist.`);
  const price = sb.store.get("prices", input.price);
  if (!price)
    throw new ControlError(400, `subscriptions: ${input.id} names price ${input.price}, which does not exist.`);
  recurringOf(price);
  const created = input.created ?? input.current_period_start;
  const trial =
    input.trial_start != null && input.trial_end != null ? { start: input.trial_start, end: input.trial_end } : null;
  const status: SubscriptionStatus = input.status;
  const subscription = buildSubscription({
    id: input.id,
    created,
    customer: customer.id,
    status,
    anchor: input.billing_cycle_anchor ?? (status === "trialing" && trial ? trial.end : input.current_period_start),
    trial,
    missingPaymentMethod: input.missing_payment_method,
    defaultPaymentMethod: null,
    metadata: input.metadata ?? {},
  });
  const ended = status === "canceled" || status === "incomplete_expired";
  subscription.cancel_at_period_end = input.cancel_at_period_end;
  subscription.cancel_at = input.cancel_at_period_end ? input.current_period_end : null;
  subscription.canceled_at =
    input.canceled_at ?? (input.cancel_at_period_end || ended ? Math.min(sb.now(), input.current_period_end) : null);
  subscription.ended_at = input.ended_at ?? (ended ? Math.min(sb.now(), input.current_period_end) : null);
  if (input.cancel_at_period_end) subscription.cancellation_details.reason = "cancellation_requested";
  sb.store.insert("subscriptions", subscription);
  sb.store.insert(
    "subscription_items",
    buildSubscriptionItem({
      id: newId("si"),
      created,
      subscription: subscription.id,
      price: price.id,
      quantity: input.quantity,
      period: { start: input.current_period_start, end: input.current_period_end },
    }),
  );
  customer.currency ??= price.currency;
  if (status === "trialing" && trial) {
    // Like a trial that began here: trial_will_end is due 3 days before its end, unless that moment has passed.
    if (trial.end - 3 * 86_400 <= sb.now()) sb.store.state.trialWillEndSent[subscription.id] = trial.end;
  }
}
