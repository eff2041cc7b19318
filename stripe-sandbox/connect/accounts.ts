import { createHash } from "node:crypto";
import { newId, randomToken } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import type { Account, AccountLink, Metadata } from "../core/types";
import { buildAccount, emptyRequirements } from "../objects/connect";
import { listOf } from "../objects/render";

const LINK_LIFETIME_SECONDS = 5 * 60;

/** Stripe's test bank account number that always succeeds (https://docs.stripe.com/connect/testing). */
export const TEST_BANK_ACCOUNT = "000123456789";

export function createAccount(
  sb: Sandbox,
  input: { type: string; country: string; email: string | null; requestedCapabilities: string[]; metadata: Metadata },
): Account {
  const account = buildAccount({ id: newId("acct"), created: sb.now(), ...input });
  sb.store.insert("accounts", account);
  return account;
}

export function createAccountLink(
  sb: Sandbox,
  input: { account: Account; refreshUrl: string; returnUrl: string },
): AccountLink {
  const token = randomToken(24);
  const created = sb.now();
  sb.store.state.accountLinks[token] = {
    account: input.account.id,
    refreshUrl: input.refreshUrl,
    returnUrl: input.returnUrl,
    expiresAt: created + LINK_LIFETIME_SECONDS,
    used: false,
  };
  return {
    object: "account_link",
    created,
    expires_at: created + LINK_LIFETIME_SECONDS,
    url: `${sb.config.baseUrl}/connect/onboarding/${token}`,
  };
}

export function canReceiveTransfers(account: Account): boolean {
  return account.capabilities.transfers === "active";
}

/**
 * What the hosted onboarding form submits: the account is verified and can take transfers and payouts. An imported
 * account (`emit: false`) was onboarded before it came here: no event.
 */
export function completeOnboarding(
  sb: Sandbox,
  account: Account,
  input: { name: string; country: string },
  options: { emit?: boolean } = {},
): void {
  const before = sb.view(account);
  const now = sb.now();
  account.country = input.country;
  account.business_profile = { ...(account.business_profile as object), name: input.name };
  const capabilities = new Set([...Object.keys(account.capabilities), "transfers"]);
  account.capabilities = Object.fromEntries([...capabilities].map((name) => [name, "active" as const]));
  account.charges_enabled = true;
  account.payouts_enabled = true;
  account.details_submitted = true;
  account.requirements = emptyRequirements();
  account.future_requirements = emptyRequirements();
  account.tos_acceptance = { date: now, ip: "127.0.0.1", user_agent: "stripe-sandbox" };
  account.external_accounts = listOf(
    [bankAccount(account, input.name)],
    `/v1/accounts/${account.id}/external_accounts`,
  );
  if (options.emit !== false) sb.emit("account.updated", account, before);
}

function bankAccount(account: Account, holder: string): Record<string, unknown> {
  return {
    id: newId("ba"),
    object: "bank_account",
    account: account.id,
    account_holder_name: holder,
    account_holder_type: "individual",
    bank_name: "STRIPE TEST BANK",
    country: account.country,
    currency: "usd",
    default_for_currency: true,
    fingerprint: createHash("sha256").update(TEST_BANK_ACCOUNT).digest("hex").slice(0, 16),
    last4: TEST_BANK_ACCOUNT.slice(-4),
    metadata: {},
    routing_number: "110000000",
    status: "new",
  };
}
