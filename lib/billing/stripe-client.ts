import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { stripTrailing } from "@/lib/strip-trailing";

// The sandbox's built-in price (see stripe-sandbox/README.md); real Stripe needs STRIPE_PRICE_ID.
const SANDBOX_PRICE_ID = "price_flowtab_premium_monthly";
const SANDBOX_WEBHOOK_SECRET = "whsec_flowtab_sandbox";

let client: Stripe | undefined;

/**
 * The sandbox's URL when this process may use it: STRIPE_SANDBOX_URL without STRIPE_SECRET_KEY, and outside
 * production unless ALLOW_STRIPE_SANDBOX=1 (issue 11, case 5: a production build must never take "payments" from
 * the fake Stripe, nor accept webhooks signed with its public secret). Throws in production without the opt-in.
 */
export function stripeSandboxUrl(): string | null {
  const e = env();
  if (e.STRIPE_SECRET_KEY || !e.STRIPE_SANDBOX_URL) return null;
  if (e.NODE_ENV === "production" && e.ALLOW_STRIPE_SANDBOX !== "1") {
    throw new AppError(
      "unavailable",
      "Billing refuses the Stripe sandbox in production: set STRIPE_SECRET_KEY, or ALLOW_STRIPE_SANDBOX=1 for a demo or test server.",
    );
  }
  return stripTrailing(e.STRIPE_SANDBOX_URL, "/");
}

/**
 * The real `stripe` SDK: against Stripe when STRIPE_SECRET_KEY is set, otherwise against the sandbox at
 * STRIPE_SANDBOX_URL (dev and tests). With neither, billing refuses with a clear error.
 */
export function getStripe(): Stripe {
  if (client) return client;
  const e = env();
  const sandbox = stripeSandboxUrl();
  if (e.STRIPE_SECRET_KEY) {
    client = new Stripe(e.STRIPE_SECRET_KEY, { maxNetworkRetries: 2 });
  } else if (sandbox) {
    const url = new URL(sandbox);
    client = new Stripe("sk_test_flowtab_sandbox", {
      host: url.hostname,
      port: Number(url.port || 80),
      protocol: url.protocol === "https:" ? "https" : "http",
      maxNetworkRetries: 1,
    });
  } else {
    throw new AppError(
      "unavailable",
      "Billing is not configured: set STRIPE_SECRET_KEY (or STRIPE_SANDBOX_URL in development).",
    );
  }
  return client;
}

export function billingConfig(): { priceId: string; webhookSecret: string; appUrl: string } {
  const e = env();
  const usingSandbox = stripeSandboxUrl() !== null;
  const priceId = e.STRIPE_PRICE_ID ?? (usingSandbox ? SANDBOX_PRICE_ID : undefined);
  const webhookSecret = e.STRIPE_WEBHOOK_SECRET ?? (usingSandbox ? SANDBOX_WEBHOOK_SECRET : undefined);
  if (!priceId || !webhookSecret) {
    throw new AppError("unavailable", "Billing is not configured: set STRIPE_PRICE_ID and STRIPE_WEBHOOK_SECRET.");
  }
  return { priceId, webhookSecret, appUrl: e.APP_URL };
}

/** An id whether Stripe gave us the id or the expanded object. */
export function idOf(value: string | { id: string }): string;
export function idOf(value: string | { id: string } | null | undefined): string | null;
export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}

/** Stripe's unix seconds as a Date. */
export function fromUnix(seconds: number): Date;
export function fromUnix(seconds: number | null | undefined): Date | null;
export function fromUnix(seconds: number | null | undefined): Date | null {
  return seconds === null || seconds === undefined ? null : new Date(seconds * 1000);
}
