import "server-only";
import { listSubscriptionsByIdPrefix } from "@/db/queries/billing";
import type { Subscription } from "@/db/schema";
import type { Executor } from "@/db/types";
import { env } from "@/lib/env";

// The seed writes subscriptions with Stripe ids (`sub_seed_*`, `cus_seed_*`) that no Stripe account knows. Against
// the sandbox the app makes them real at boot (POST /_sandbox/import), so a sync, a webhook or the portal finds the
// same subscription and period as our row instead of undoing it. Never runs against real Stripe.

const SEEDED_SUBSCRIPTION_PREFIX = "sub_seed_";
/** The seeded subscribers pay with Stripe's test Visa, so a renewal in the sandbox is paid as it would be. */
const SEEDED_CARD = "pm_card_visa";

type SeededRow = { subscription: Subscription; ownerId: string | null; email: string | null; name: string | null };

export type SandboxImportPayload = {
  customers: {
    id: string;
    email: string | null;
    name: string | null;
    created: number;
    metadata: Record<string, string>;
    payment_method: string;
  }[];
  subscriptions: {
    id: string;
    customer: string;
    price: string;
    quantity: number;
    status: Subscription["status"];
    current_period_start: number;
    current_period_end: number;
    created: number;
    cancel_at_period_end: boolean;
    canceled_at: number | null;
    ended_at: number | null;
    trial_start: number | null;
    trial_end: number | null;
    metadata: Record<string, string>;
  }[];
};

export type SandboxImportResult = {
  customers: { created: string[]; existing: string[] };
  subscriptions: { created: string[]; existing: string[] };
};

const toUnix = (date: Date) => Math.floor(date.getTime() / 1000);
const toUnixOrNull = (date: Date | null) => (date ? toUnix(date) : null);

/** The sandbox's import body for our rows: the same ids, price, quantity, status and period (in Stripe's seconds). */
export function sandboxImportPayload(rows: SeededRow[]): SandboxImportPayload {
  const customers = new Map<string, SandboxImportPayload["customers"][number]>();
  for (const { subscription: s, email, name } of rows) {
    const created = toUnix(s.createdAt);
    const known = customers.get(s.stripeCustomerId);
    if (known && known.created <= created) continue;
    customers.set(s.stripeCustomerId, {
      id: s.stripeCustomerId,
      email,
      name,
      created,
      metadata: { tenantId: s.tenantId },
      payment_method: SEEDED_CARD,
    });
  }
  return {
    customers: [...customers.values()],
    subscriptions: rows.map(({ subscription: s, ownerId }) => {
      // What checkout puts on a subscription: the tenant it pays for and the person who started it.
      const metadata: Record<string, string> = ownerId
        ? { tenantId: s.tenantId, userId: ownerId }
        : { tenantId: s.tenantId };
      return {
        id: s.stripeSubscriptionId,
        customer: s.stripeCustomerId,
        price: s.stripePriceId,
        quantity: s.quantity,
        status: s.status,
        current_period_start: toUnix(s.currentPeriodStart),
        current_period_end: toUnix(s.currentPeriodEnd),
        created: toUnix(s.createdAt),
        cancel_at_period_end: s.cancelAtPeriodEnd,
        canceled_at: toUnixOrNull(s.canceledAt),
        ended_at: toUnixOrNull(s.endedAt),
        trial_start: toUnixOrNull(s.trialStart),
        trial_end: toUnixOrNull(s.trialEnd),
        metadata,
      };
    }),
  };
}

/** Whether this process talks to the sandbox (not to real Stripe). */
function sandboxUrl(): string | null {
  const e = env();
  return !e.STRIPE_SECRET_KEY && e.STRIPE_SANDBOX_URL ? e.STRIPE_SANDBOX_URL.replace(/\/$/, "") : null;
}

/**
 * Imports every seeded subscription (and its customer) into the sandbox. Idempotent: the sandbox leaves ids it
 * already has alone, so this runs on every boot. The sandbox may still be starting (`npm run dev` starts both at
 * once): a refused connection is retried for about `waitMs`. Returns null when there is nothing to do.
 */
export async function importSeededBillingIntoSandbox(
  db: Executor,
  options: { url?: string | null; waitMs?: number } = {},
): Promise<SandboxImportResult | null> {
  const url = options.url === undefined ? sandboxUrl() : options.url;
  if (!url) return null;
  const rows = await listSubscriptionsByIdPrefix(db, { prefix: SEEDED_SUBSCRIPTION_PREFIX });
  if (rows.length === 0) return null;
  const body = JSON.stringify(sandboxImportPayload(rows));
  const deadline = Date.now() + (options.waitMs ?? 20_000);
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(`${url}/_sandbox/import`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body,
      });
    } catch (error) {
      if (Date.now() >= deadline)
        throw new Error(`The Stripe sandbox at ${url} did not answer: ${(error as Error).message}`);
      await new Promise((done) => setTimeout(done, Math.min(1000, 100 * attempt)));
      continue;
    }
    const json = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    if (!response.ok)
      throw new Error(
        `The Stripe sandbox refused the import (${response.status}): ${json?.error?.message ?? "no message"}`,
      );
    return json as unknown as SandboxImportResult;
  }
}
