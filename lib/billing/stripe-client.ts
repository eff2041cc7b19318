import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// The sandbox's built-in price (see stripe-sandbox/README.md); real Stripe needs STRIPE_PRICE_ID.
const SANDBOX_PRICE_ID = "price_flowtab_premium_monthly";
const SANDBOX_WEBHOOK_SECRET = "whsec_flowtab_sandbox";

let client: Stripe | undefined;

/**
 * The real `stripe` SDK: against Stripe when STRIPE_SECRET_KEY is set, otherwise against the sandbox at
 * STRIPE_SANDBOX_URL (dev and tests). With neither, billing refuses with a clear error.
 */
export function getStripe(): Stripe {
  if (client) return client;
  const e = env();
  if (e.STRIPE_SECRET_KEY) {
    client = new Stripe(e.STRIPE_SECRET_KEY, { maxNetworkRetries: 2 });
  } else if (e.STRIPE_SANDBOX_URL) {
    const url = new URL(e.STRIPE_SANDBOX_URL);
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
  const usingSandbox = !e.STRIPE_SECRET_KEY;
  const priceId = e.STRIPE_PRICE_ID ?? (usingSandbox ? SANDBOX_PRICE_ID : undefined);
  const webhookSecret = e.STRIPE_WEBHOOK_SECRET ?? (usingSandbox ? SANDBOX_WEBHOOK_SECRET : undefined);
  if (!priceId || !webhookSecret) {
    throw new AppError("unavailable", "Billing is not configured: set STRIPE_PRICE_ID and STRIPE_WEBHOOK_SECRET.");
  }
  return { priceId, webhookSecret, appUrl: e.APP_URL };
}

/** An id whether Stripe gave us the id or the expanded object. */
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
