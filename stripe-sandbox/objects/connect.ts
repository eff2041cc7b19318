import type { Account, Metadata, Transfer, TransferReversal, Unix } from "../core/types";
import { listOf } from "./render";

/** What Stripe asks of a new Express account before it can receive transfers. */
const ONBOARDING_REQUIREMENTS = [
  "business_profile.mcc",
  "business_profile.url",
  "external_account",
  "individual.first_name",
  "individual.last_name",
  "tos_acceptance.date",
  "tos_acceptance.ip",
];

export function buildAccount(input: {
  id: string;
  created: Unix;
  type: string;
  country: string;
  email: string | null;
  requestedCapabilities: string[];
  metadata: Metadata;
}): Account {
  return {
    id: input.id,
    object: "account",
    business_profile: { mcc: null, name: null, product_description: null, support_email: null, url: null },
    business_type: null,
    capabilities: Object.fromEntries(input.requestedCapabilities.map((name) => [name, "inactive" as const])),
    charges_enabled: false,
    controller: { is_controller: true, type: "application" },
    country: input.country,
    created: input.created,
    default_currency: "usd",
    details_submitted: false,
    email: input.email,
    external_accounts: listOf([], `/v1/accounts/${input.id}/external_accounts`),
    future_requirements: emptyRequirements(),
    metadata: input.metadata,
    payouts_enabled: false,
    requirements: {
      ...emptyRequirements(),
      currently_due: [...ONBOARDING_REQUIREMENTS],
      disabled_reason: "requirements.past_due",
      eventually_due: [...ONBOARDING_REQUIREMENTS],
      past_due: [...ONBOARDING_REQUIREMENTS],
    },
    settings: null,
    tos_acceptance: { date: null, ip: null, user_agent: null },
    type: input.type,
  };
}

export function emptyRequirements() {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: [] as string[],
    disabled_reason: null as string | null,
    errors: [],
    eventually_due: [] as string[],
    past_due: [] as string[],
    pending_verification: [],
  };
}

export function buildTransfer(input: {
  id: string;
  created: Unix;
  amount: number;
  currency: string;
  destination: string;
  description: string | null;
  transferGroup: string | null;
  metadata: Metadata;
}): Transfer {
  return {
    id: input.id,
    object: "transfer",
    amount: input.amount,
    amount_reversed: 0,
    balance_transaction: null,
    created: input.created,
    currency: input.currency,
    description: input.description,
    destination: input.destination,
    destination_payment: null,
    livemode: false,
    metadata: input.metadata,
    reversed: false,
    source_transaction: null,
    source_type: "card",
    transfer_group: input.transferGroup,
  };
}

export function buildTransferReversal(input: {
  id: string;
  created: Unix;
  transfer: Transfer;
  amount: number;
  metadata: Metadata;
}): TransferReversal {
  return {
    id: input.id,
    object: "transfer_reversal",
    amount: input.amount,
    balance_transaction: null,
    created: input.created,
    currency: input.transfer.currency,
    destination_payment_refund: null,
    metadata: input.metadata,
    source_refund: null,
    transfer: input.transfer.id,
  };
}
