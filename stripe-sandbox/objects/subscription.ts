import type {
  Metadata,
  MissingPaymentMethod,
  Subscription,
  SubscriptionItem,
  SubscriptionStatus,
  Unix,
} from "../core/types";

export function buildSubscription(input: {
  id: string;
  created: Unix;
  customer: string;
  status: SubscriptionStatus;
  anchor: Unix;
  trial: { start: Unix; end: Unix } | null;
  missingPaymentMethod: MissingPaymentMethod;
  defaultPaymentMethod: string | null;
  metadata: Metadata;
}): Subscription {
  return {
    id: input.id,
    object: "subscription",
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: input.anchor,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: { proration_discounts: "included" }, type: "flexible", updated_at: input.created },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, reason: null },
    collection_method: "charge_automatically",
    created: input.created,
    currency: "usd",
    customer: input.customer,
    customer_account: null,
    days_until_due: null,
    default_payment_method: input.defaultPaymentMethod,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    ended_at: null,
    invoice_settings: { account_tax_ids: null, issuer: { type: "self" } },
    latest_invoice: null,
    livemode: false,
    managed_payments: { enabled: false },
    metadata: input.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: "off" },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: input.created,
    status: input.status,
    test_clock: null,
    transfer_data: null,
    trial_end: input.trial?.end ?? null,
    trial_settings: { end_behavior: { missing_payment_method: input.missingPaymentMethod } },
    trial_start: input.trial?.start ?? null,
  };
}

export function buildSubscriptionItem(input: {
  id: string;
  created: Unix;
  subscription: string;
  price: string;
  quantity: number;
  period: { start: Unix; end: Unix };
}): SubscriptionItem {
  return {
    id: input.id,
    object: "subscription_item",
    billing_thresholds: null,
    created: input.created,
    current_period_end: input.period.end,
    current_period_start: input.period.start,
    discounts: [],
    metadata: {},
    price: input.price,
    quantity: input.quantity,
    subscription: input.subscription,
    tax_rates: [],
  };
}
