import "server-only";
import Stripe from "stripe";
import { getCreatorAccount, upsertCreatorAccount, type CreatorAccountSnapshot } from "@/db/queries/creator-accounts";
import type { CreatorStripeAccount } from "@/db/schema";
import type { Executor } from "@/db/types";
import { billingConfig, getStripe } from "@/lib/billing/stripe-client";
import { AppError } from "@/lib/errors";

// Stripe Connect (Express) onboarding for creators. The stored row (creator_stripe_accounts) is what the app
// trusts; account.updated keeps it fresh (lib/billing/webhooks/connect-events.ts), and the return from the hosted
// onboarding re-reads the account once so the creator sees the result before the webhook lands.

const CONNECT_RETURN_PATH = "/creator?connect=returned";
const CONNECT_REFRESH_PATH = "/creator/connect/refresh";

/** What Stripe says about an account, in the row's shape. */
function snapshotOf(account: Stripe.Account): CreatorAccountSnapshot {
  return {
    stripeAccountId: account.id,
    detailsSubmitted: account.details_submitted ?? false,
    chargesEnabled: account.charges_enabled ?? false,
    payoutsEnabled: account.payouts_enabled ?? false,
    transfersCapability: account.capabilities?.transfers ?? "inactive",
    requirementsDue: account.requirements?.currently_due ?? [],
  };
}

/** Stripe's "No such account": the id we hold points at nothing (another mode, another platform, deleted). */
function isMissingAccount(error: unknown): boolean {
  return (
    error instanceof Stripe.errors.StripeError &&
    (error.code === "resource_missing" || error.code === "account_invalid" || error.statusCode === 404)
  );
}

/** The account behind the stored id, or null when Stripe no longer has it. Other Stripe failures propagate. */
async function retrieveLiveAccount(stripe: Stripe, accountId: string): Promise<Stripe.Account | null> {
  try {
    const account = await stripe.accounts.retrieve(accountId);
    return (account as Stripe.Account & { deleted?: boolean }).deleted ? null : account;
  } catch (error) {
    if (isMissingAccount(error)) return null;
    throw error;
  }
}

/**
 * The creator's connected account: the stored one while Stripe still has it, otherwise a new Express account
 * (stored at once, not yet onboarded). The idempotency key makes double clicks and concurrent requests create one
 * account; when a stored id turned out to be dead, the key names it, so the replacement is one new account too
 * and never a replay of the dead one.
 */
async function ensureConnectedAccount(
  db: Executor,
  params: { userId: string },
  stripe: Stripe = getStripe(),
): Promise<CreatorStripeAccount> {
  const stored = await getCreatorAccount(db, { userId: params.userId });
  if (stored) {
    const live = await retrieveLiveAccount(stripe, stored.stripeAccountId);
    if (live) return upsertCreatorAccount(db, { userId: params.userId, ...snapshotOf(live) });
    console.warn(
      JSON.stringify({
        level: "warn",
        msg: "connect: stored account missing in Stripe, creating a new one",
        userId: params.userId,
        staleAccountId: stored.stripeAccountId,
      }),
    );
  }
  const idempotencyKey = stored
    ? `connect-account:${params.userId}:replaces:${stored.stripeAccountId}`
    : `connect-account:${params.userId}`;
  const account = await stripe.accounts.create(
    { type: "express", capabilities: { transfers: { requested: true } }, metadata: { userId: params.userId } },
    { idempotencyKey },
  );
  return upsertCreatorAccount(db, { userId: params.userId, ...snapshotOf(account) });
}

/** A fresh Account Link for hosted onboarding (links expire within minutes and work once: make one per visit). */
async function createOnboardingLink(stripe: Stripe, accountId: string): Promise<string> {
  const { appUrl } = billingConfig();
  const link = await stripe.accountLinks.create({
    account: accountId,
    type: "account_onboarding",
    refresh_url: `${appUrl}${CONNECT_REFRESH_PATH}`,
    return_url: `${appUrl}${CONNECT_RETURN_PATH}`,
  });
  if (!link.url) throw new AppError("unavailable", "Stripe did not return an onboarding link.");
  return link.url;
}

/** Stripe being down or refusing is a 503 for our callers ("try again"), with one log line; ours propagate. */
async function viaStripe<T>(step: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeError)) throw error;
    console.error(
      JSON.stringify({ level: "error", msg: `connect: ${step} failed`, type: error.type, code: error.code }),
    );
    throw new AppError("unavailable", "Stripe could not be reached to set up payouts. Try again in a minute.", {
      cause: error,
    });
  }
}

/** "Set up payouts": the creator's account (created once) and a link to Stripe's hosted onboarding. */
export async function startConnectOnboarding(
  db: Executor,
  params: { userId: string },
  stripe: Stripe = getStripe(),
): Promise<{ url: string }> {
  return viaStripe("onboarding", async () => {
    const account = await ensureConnectedAccount(db, params, stripe);
    return { url: await createOnboardingLink(stripe, account.stripeAccountId) };
  });
}

/**
 * An expired or used link sent the creator to refresh_url: a new link for the account they already have.
 * Null when they have none (nothing to continue; the dashboard offers "Set up payouts").
 */
export async function refreshConnectOnboarding(
  db: Executor,
  params: { userId: string },
  stripe: Stripe = getStripe(),
): Promise<{ url: string } | null> {
  const stored = await getCreatorAccount(db, { userId: params.userId });
  if (!stored) return null;
  return startConnectOnboarding(db, params, stripe);
}

/**
 * Back from onboarding: re-read the account from Stripe once and store it, so the page is right even before
 * account.updated arrives. Returns the stored row (unchanged when the stored account is unknown to Stripe).
 */
export async function syncConnectedAccount(
  db: Executor,
  params: { userId: string },
  stripe: Stripe = getStripe(),
): Promise<CreatorStripeAccount | null> {
  const stored = await getCreatorAccount(db, { userId: params.userId });
  if (!stored) return null;
  const live = await viaStripe("sync", () => retrieveLiveAccount(stripe, stored.stripeAccountId));
  if (!live) return stored;
  return upsertCreatorAccount(db, { userId: params.userId, ...snapshotOf(live) });
}
