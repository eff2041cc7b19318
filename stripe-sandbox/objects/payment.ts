import type {
  Charge,
  Dispute,
  InvoicePayment,
  Metadata,
  PaymentIntent,
  PaymentMethod,
  Refund,
  Unix,
} from "../core/types";

export interface CardInput {
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  fingerprint: string;
}

/** Why a charge failed, in Stripe's terms. */
export interface Decline {
  code: string;
  declineCode: string;
  message: string;
}

export function buildPaymentMethod(input: {
  id: string;
  created: Unix;
  customer: string;
  email: string | null;
  card: CardInput;
}): PaymentMethod {
  const { card } = input;
  return {
    id: input.id,
    object: "payment_method",
    allow_redisplay: "unspecified",
    billing_details: { address: null, email: input.email, name: null, phone: null, tax_id: null },
    card: {
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
      country: "US",
      display_brand: card.brand,
      exp_month: card.expMonth,
      exp_year: card.expYear,
      fingerprint: card.fingerprint,
      funding: "credit",
      generated_from: null,
      last4: card.last4,
      networks: { available: [card.brand], preferred: null },
      regulated_status: "unregulated",
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: input.created,
    customer: input.customer,
    customer_account: null,
    livemode: false,
    metadata: {},
    type: "card",
  };
}

export function buildPaymentIntent(input: {
  id: string;
  created: Unix;
  amount: number;
  customer: string;
  description: string;
  paymentMethod: string;
  charge: string;
  decline: Decline | null;
}): PaymentIntent {
  const { decline } = input;
  return {
    id: input.id,
    object: "payment_intent",
    amount: input.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: decline ? 0 : input.amount,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: "automatic",
    client_secret: `${input.id}_secret_sandbox`,
    confirmation_method: "automatic",
    created: input.created,
    currency: "usd",
    customer: input.customer,
    customer_account: null,
    description: input.description,
    excluded_payment_method_types: null,
    last_payment_error: decline && {
      charge: input.charge,
      code: decline.code,
      decline_code: decline.declineCode,
      message: decline.message,
      type: "card_error",
    },
    latest_charge: input.charge,
    livemode: false,
    managed_payments: { enabled: false },
    metadata: {},
    next_action: null,
    on_behalf_of: null,
    payment_method: decline ? null : input.paymentMethod,
    payment_method_configuration_details: null,
    payment_method_options: { card: { request_three_d_secure: "automatic" } },
    payment_method_types: ["card"],
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: decline ? "requires_payment_method" : "succeeded",
    transfer_data: null,
    transfer_group: null,
  };
}

export function buildCharge(input: {
  id: string;
  created: Unix;
  amount: number;
  customer: string;
  description: string;
  paymentIntent: string;
  paymentMethod: PaymentMethod;
  decline: Decline | null;
}): Charge {
  const { card } = input.paymentMethod;
  const { decline } = input;
  return {
    id: input.id,
    object: "charge",
    amount: input.amount,
    amount_captured: decline ? 0 : input.amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: input.paymentMethod.billing_details,
    calculated_statement_descriptor: "FLOWTAB",
    captured: !decline,
    created: input.created,
    currency: "usd",
    customer: input.customer,
    description: input.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: decline?.code ?? null,
    failure_message: decline?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: {},
    on_behalf_of: null,
    outcome: decline
      ? {
          network_status: "declined_by_network",
          reason: decline.declineCode,
          risk_level: "normal",
          seller_message: "The bank did not return any further details with this decline.",
          type: "issuer_declined",
        }
      : {
          network_status: "approved_by_network",
          reason: null,
          risk_level: "normal",
          seller_message: "Payment complete.",
          type: "authorized",
        },
    paid: !decline,
    payment_intent: input.paymentIntent,
    payment_method: input.paymentMethod.id,
    payment_method_details: {
      card: {
        brand: card.brand,
        checks: card.checks,
        country: "US",
        exp_month: card.exp_month,
        exp_year: card.exp_year,
        fingerprint: card.fingerprint,
        funding: "credit",
        last4: card.last4,
        network: card.brand,
        three_d_secure: null,
        wallet: null,
      },
      type: "card",
    },
    receipt_email: null,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: decline ? "failed" : "succeeded",
    transfer_data: null,
    transfer_group: null,
  };
}

export function buildInvoicePayment(input: {
  id: string;
  created: Unix;
  invoice: string;
  amount: number;
  paymentIntent: string;
}): InvoicePayment {
  return {
    id: input.id,
    object: "invoice_payment",
    amount_paid: input.amount,
    amount_requested: input.amount,
    created: input.created,
    currency: "usd",
    invoice: input.invoice,
    is_default: true,
    livemode: false,
    payment: { payment_intent: input.paymentIntent, type: "payment_intent" },
    status: "paid",
    status_transitions: { canceled_at: null, paid_at: input.created },
  };
}

export function buildRefund(input: {
  id: string;
  created: Unix;
  charge: Charge;
  amount: number;
  reason: string | null;
  metadata: Metadata;
}): Refund {
  return {
    id: input.id,
    object: "refund",
    amount: input.amount,
    balance_transaction: null,
    charge: input.charge.id,
    created: input.created,
    currency: "usd",
    customer: input.charge.customer,
    customer_account: null,
    destination_details: {
      card: {
        reference: null,
        reference_status: "pending",
        reference_type: "acquirer_reference_number",
        type: "refund",
      },
      type: "card",
    },
    metadata: input.metadata,
    payment_intent: input.charge.payment_intent,
    payment_method: input.charge.payment_method,
    reason: input.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "succeeded",
    transfer_reversal: null,
  };
}

const EVIDENCE_FIELDS = [
  "access_activity_log",
  "billing_address",
  "cancellation_policy",
  "cancellation_policy_disclosure",
  "cancellation_rebuttal",
  "customer_communication",
  "customer_email_address",
  "customer_name",
  "customer_purchase_ip",
  "customer_signature",
  "duplicate_charge_documentation",
  "duplicate_charge_explanation",
  "duplicate_charge_id",
  "product_description",
  "receipt",
  "refund_policy",
  "refund_policy_disclosure",
  "refund_refusal_explanation",
  "service_date",
  "service_documentation",
  "shipping_address",
  "shipping_carrier",
  "shipping_date",
  "shipping_documentation",
  "shipping_tracking_number",
  "uncategorized_file",
  "uncategorized_text",
];

export function buildDispute(input: {
  id: string;
  created: Unix;
  charge: Charge;
  evidenceDueBy: Unix;
  inquiry: boolean;
}): Dispute {
  const card = (input.charge.payment_method_details as { card: { brand: string } }).card;
  return {
    id: input.id,
    object: "dispute",
    amount: input.charge.amount,
    balance_transactions: [],
    charge: input.charge.id,
    created: input.created,
    currency: "usd",
    enhanced_eligibility_types: [],
    evidence: { ...Object.fromEntries(EVIDENCE_FIELDS.map((field) => [field, null])), enhanced_evidence: {} },
    evidence_details: {
      due_by: input.evidenceDueBy,
      enhanced_eligibility: {},
      has_evidence: false,
      past_due: false,
      submission_count: 0,
    },
    // An inquiry moves no money, so the charge can still be refunded; a chargeback cannot.
    is_charge_refundable: input.inquiry,
    livemode: false,
    metadata: {},
    payment_intent: input.charge.payment_intent,
    payment_method_details: {
      card: {
        brand: card.brand,
        case_type: input.inquiry ? "inquiry" : "chargeback",
        network: card.brand,
        network_reason_code: "10.4",
      },
      type: "card",
    },
    reason: input.inquiry ? "general" : "fraudulent",
    status: input.inquiry ? "warning_needs_response" : "needs_response",
  };
}
