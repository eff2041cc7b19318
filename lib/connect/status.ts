import type { CreatorStripeAccount } from "@/db/schema";

/**
 * Where a creator stands with Stripe Connect, from the webhook-maintained row:
 * - not_started: no connected account yet;
 * - incomplete: onboarding was started but the details were never submitted;
 * - action_required: submitted, but transfers are not active yet (Stripe needs something, or is reviewing);
 * - enabled: the account can receive transfers, so the monthly payout run pays it. Stripe may still list
 *   requirements due later (`requirementsDue`): the card shows them with "Continue setup".
 */
export type ConnectState = "not_started" | "incomplete" | "action_required" | "enabled";

export type ConnectStatus = {
  state: ConnectState;
  stripeAccountId: string | null;
  detailsSubmitted: boolean;
  payoutsEnabled: boolean;
  transfersCapability: string;
  requirementsDue: string[];
  updatedAt: Date | null;
};

/** Transfers need an active `transfers` capability: the same test the payout run applies. */
function canReceiveTransfers(row: Pick<CreatorStripeAccount, "transfersCapability">): boolean {
  return row.transfersCapability === "active";
}

export function connectStatusOf(row: CreatorStripeAccount | null): ConnectStatus {
  if (!row) {
    return {
      state: "not_started",
      stripeAccountId: null,
      detailsSubmitted: false,
      payoutsEnabled: false,
      transfersCapability: "inactive",
      requirementsDue: [],
      updatedAt: null,
    };
  }
  const state: ConnectState = !row.detailsSubmitted
    ? "incomplete"
    : canReceiveTransfers(row)
      ? "enabled"
      : "action_required";
  return {
    state,
    stripeAccountId: row.stripeAccountId,
    detailsSubmitted: row.detailsSubmitted,
    payoutsEnabled: row.payoutsEnabled,
    transfersCapability: row.transfersCapability,
    requirementsDue: row.requirementsDue,
    updatedAt: row.updatedAt,
  };
}

/** "individual.verification.document" -> "Individual verification document": Stripe's requirement keys, readable. */
export function describeRequirement(key: string): string {
  const words = key.replace(/[._]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
