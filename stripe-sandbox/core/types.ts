// Stored shapes of the Stripe objects the sandbox keeps. Each interface names only the fields the sandbox reads or
// writes; builders in objects/ add every other field Stripe returns, so a stored record is the API object itself,
// except where a comment says the renderer (objects/render.ts) fills something in.

export type Unix = number;
export type Metadata = Record<string, string>;

export interface StripeObject {
  id: string;
  object: string;
  [key: string]: unknown;
}

export interface ListObject<T = unknown> {
  object: "list";
  data: T[];
  has_more: boolean;
  url: string;
}

export interface Customer extends StripeObject {
  object: "customer";
  created: Unix;
  email: string | null;
  name: string | null;
  balance: number;
  currency: string | null;
  invoice_prefix: string;
  next_invoice_sequence: number;
  invoice_settings: { default_payment_method: string | null; [key: string]: unknown };
  metadata: Metadata;
}

export type Interval = "day" | "week" | "month" | "year";

export interface Product extends StripeObject {
  object: "product";
  created: Unix;
  active: boolean;
  name: string;
  default_price: string | null;
}

export interface Price extends StripeObject {
  object: "price";
  created: Unix;
  product: string;
  currency: string;
  unit_amount: number;
  lookup_key: string | null;
  active: boolean;
  recurring: { interval: Interval; interval_count: number; [key: string]: unknown } | null;
}

export type SubscriptionStatus =
  "incomplete" | "incomplete_expired" | "trialing" | "active" | "past_due" | "canceled" | "unpaid" | "paused";
export type MissingPaymentMethod = "pause" | "cancel" | "create_invoice";
export type PauseBehavior = "keep_as_draft" | "mark_uncollectible" | "void";

/** Stored without `items`: the renderer lists the subscription_items that point at it. */
export interface Subscription extends StripeObject {
  object: "subscription";
  created: Unix;
  customer: string;
  status: SubscriptionStatus;
  billing_cycle_anchor: Unix;
  cancel_at: Unix | null;
  cancel_at_period_end: boolean;
  canceled_at: Unix | null;
  ended_at: Unix | null;
  cancellation_details: { comment: string | null; feedback: string | null; reason: string | null };
  default_payment_method: string | null;
  latest_invoice: string | null;
  metadata: Metadata;
  pause_collection: { behavior: PauseBehavior; resumes_at: Unix | null } | null;
  trial_start: Unix | null;
  trial_end: Unix | null;
  trial_settings: { end_behavior: { missing_payment_method: MissingPaymentMethod } };
}

/** Stored with `price` as an id: the renderer embeds the price and the legacy `plan`. */
export interface SubscriptionItem extends StripeObject {
  object: "subscription_item";
  created: Unix;
  subscription: string;
  price: string;
  quantity: number;
  current_period_start: Unix;
  current_period_end: Unix;
  metadata: Metadata;
}

type InvoiceStatus = "draft" | "open" | "paid" | "void" | "uncollectible";
export type BillingReason = "subscription_create" | "subscription_cycle" | "subscription_update" | "manual";

export interface InvoiceLine {
  id: string;
  object: "line_item";
  amount: number;
  description: string;
  quantity: number;
  period: { start: Unix; end: Unix };
  [key: string]: unknown;
}

export interface Invoice extends StripeObject {
  object: "invoice";
  created: Unix;
  customer: string;
  status: InvoiceStatus;
  billing_reason: BillingReason;
  amount_due: number;
  amount_paid: number;
  amount_remaining: number;
  subtotal: number;
  total: number;
  starting_balance: number;
  ending_balance: number | null;
  attempt_count: number;
  attempted: boolean;
  auto_advance: boolean;
  next_payment_attempt: Unix | null;
  number: string | null;
  effective_at: Unix | null;
  default_payment_method: string | null;
  lines: ListObject<InvoiceLine>;
  parent: { subscription_details: { subscription: string; metadata: Metadata | null } | null; [key: string]: unknown };
  status_transitions: {
    finalized_at: Unix | null;
    marked_uncollectible_at: Unix | null;
    paid_at: Unix | null;
    voided_at: Unix | null;
  };
}

interface CardDetails {
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  [key: string]: unknown;
}

export interface PaymentMethod extends StripeObject {
  object: "payment_method";
  customer: string | null;
  card: CardDetails;
}

export interface PaymentIntent extends StripeObject {
  object: "payment_intent";
  amount: number;
  customer: string | null;
  status: string;
  latest_charge: string | null;
}

/** Stored without `refunds`: the renderer lists the refunds of the charge. */
export interface Charge extends StripeObject {
  object: "charge";
  created: Unix;
  amount: number;
  amount_refunded: number;
  customer: string | null;
  disputed: boolean;
  paid: boolean;
  refunded: boolean;
  status: "succeeded" | "failed" | "pending";
  payment_intent: string | null;
  payment_method: string | null;
  failure_code: string | null;
  failure_message: string | null;
}

export interface InvoicePayment extends StripeObject {
  object: "invoice_payment";
  invoice: string;
  payment: { type: "payment_intent"; payment_intent: string };
}

export interface Refund extends StripeObject {
  object: "refund";
  created: Unix;
  amount: number;
  charge: string;
  payment_intent: string | null;
}

export interface Dispute extends StripeObject {
  object: "dispute";
  created: Unix;
  amount: number;
  charge: string;
  payment_intent: string | null;
  status: string;
  is_charge_refundable: boolean;
}

export interface CheckoutSession extends StripeObject {
  object: "checkout.session";
  created: Unix;
  status: "open" | "complete" | "expired";
  customer: string | null;
  customer_email: string | null;
  customer_details: { email: string | null; [key: string]: unknown } | null;
  amount_total: number | null;
  expires_at: Unix;
  success_url: string | null;
  cancel_url: string | null;
  subscription: string | null;
  invoice: string | null;
  payment_status: "paid" | "unpaid" | "no_payment_required";
  payment_method_collection: "always" | "if_required";
}

export interface PortalSession extends StripeObject {
  object: "billing_portal.session";
  customer: string;
  return_url: string | null;
}

type CapabilityStatus = "active" | "inactive" | "pending";

/** Stored with `external_accounts` filled in by onboarding. */
export interface Account extends StripeObject {
  object: "account";
  created: Unix;
  type: string;
  email: string | null;
  country: string;
  charges_enabled: boolean;
  payouts_enabled: boolean;
  details_submitted: boolean;
  capabilities: Record<string, CapabilityStatus>;
  requirements: {
    currently_due: string[];
    eventually_due: string[];
    disabled_reason: string | null;
    [key: string]: unknown;
  };
  metadata: Metadata;
}

/** Not stored as such: the sandbox keeps the link's token, target account and URLs (store.ts). */
export interface AccountLink {
  object: "account_link";
  created: Unix;
  expires_at: Unix;
  url: string;
}

/** Stored without `reversals`: the renderer lists the reversals of the transfer. */
export interface Transfer extends StripeObject {
  object: "transfer";
  created: Unix;
  amount: number;
  amount_reversed: number;
  destination: string;
  reversed: boolean;
  transfer_group: string | null;
}

export interface TransferReversal extends StripeObject {
  object: "transfer_reversal";
  amount: number;
  transfer: string;
}

export interface StripeEvent extends StripeObject {
  object: "event";
  created: Unix;
  type: string;
  pending_webhooks: number;
  data: { object: StripeObject; previous_attributes?: Record<string, unknown> };
}
