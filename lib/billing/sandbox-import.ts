import "server-only";
import { listSubscriptionsByIdPrefix } from "@/db/queries/billing";
import {
  listCreatorAccountsByIdPrefix,
  listInvoicesByIdPrefix,
  listPayoutsByTransferPrefix,
} from "@/db/queries/seeded-billing";
import type { CreatorStripeAccount, Invoice, Payout, Subscription } from "@/db/schema";
import type { Executor } from "@/db/types";
import { transferGroupFor } from "@/lib/payouts/keys";
import { stripeSandboxUrl } from "./stripe-client";

// The seed writes subscriptions with Stripe ids (`sub_seed_*`, `cus_seed_*`) that no Stripe account knows. Against
// the sandbox the app makes them real at boot (POST /_sandbox/import), so a sync, a webhook or the portal finds the
// same subscription and period as our row instead of undoing it. Never runs against real Stripe.

const SEEDED_SUBSCRIPTION_PREFIX = "sub_seed_";
const SEEDED_INVOICE_PREFIX = "in_seed_";
const SEEDED_ACCOUNT_PREFIX = "acct_seed_";
const SEEDED_TRANSFER_PREFIX = "tr_seed_";
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
  invoices: {
    id: string;
    subscription: string;
    status: "paid" | "open";
    period_start: number;
    period_end: number;
    created: number;
    paid_at: number | null;
  }[];
  accounts: { id: string; email: string | null; created: number; metadata: Record<string, string> }[];
  transfers: {
    id: string;
    amount: number;
    destination: string;
    transfer_group: string;
    description: string;
    created: number;
    metadata: Record<string, string>;
  }[];
};

type Outcome = { created: string[]; existing: string[] };
export type SandboxImportResult = {
  customers: Outcome;
  subscriptions: Outcome;
  invoices: Outcome;
  accounts: Outcome;
  transfers: Outcome;
};

/** What the seed wrote besides its subscriptions: their invoices, the demo creator's account and its paid payout. */
export type SeededHistory = {
  invoices: { invoice: Invoice; stripeSubscriptionId: string }[];
  accounts: { account: CreatorStripeAccount; email: string }[];
  payouts: { payout: Payout; stripeAccountId: string }[];
};

const toUnix = (date: Date) => Math.floor(date.getTime() / 1000);
const toUnixOrNull = (date: Date | null) => (date ? toUnix(date) : null);

/** A paid payout's transfer id (the payouts_paid_has_transfer check guarantees one). */
function transferIdOf(payout: Payout): string {
  if (!payout.stripeTransferId) throw new Error(`paid payout ${payout.id} has no stripe_transfer_id`);
  return payout.stripeTransferId;
}

/**
 * The sandbox's import body for our rows: the same ids, price, quantity, status and period (in Stripe's seconds),
 * and the history Stripe would hold for them (invoices, the connected account, transfers of paid payouts).
 */
export function sandboxImportPayload(
  rows: SeededRow[],
  history: SeededHistory = { invoices: [], accounts: [], payouts: [] },
): SandboxImportPayload {
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
    invoices: history.invoices
      .filter(({ invoice }) => invoice.status === "paid" || invoice.status === "open")
      .map(({ invoice: i, stripeSubscriptionId }) => ({
        id: i.stripeInvoiceId,
        subscription: stripeSubscriptionId,
        status: i.status as "paid" | "open",
        period_start: toUnix(i.periodStart),
        period_end: toUnix(i.periodEnd),
        created: toUnix(i.createdAt),
        paid_at: toUnixOrNull(i.paidAt),
      })),
    accounts: history.accounts.map(({ account, email }) => ({
      id: account.stripeAccountId,
      email,
      created: toUnix(account.createdAt),
      metadata: { userId: account.userId },
    })),
    transfers: history.payouts.map(({ payout, stripeAccountId }) => ({
      id: transferIdOf(payout),
      amount: payout.amountCents,
      destination: stripeAccountId,
      transfer_group: transferGroupFor(payout.month),
      description: `Flowtab creator payout ${payout.month}`,
      created: toUnix(payout.paidAt ?? payout.createdAt),
      metadata: { payoutId: payout.id, creatorId: payout.creatorId, month: payout.month },
    })),
  };
}

/** Whether this process talks to the sandbox (not to real Stripe); never in production without the opt-in. */
export function sandboxUrl(): string | null {
  try {
    return stripeSandboxUrl();
  } catch {
    return null;
  }
}

/**
 * Imports every seeded subscription (with its customer and invoices), the seeded connected account and the transfers
 * of the seeded payouts into the sandbox. Idempotent: the sandbox leaves ids it
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
  const [invoices, accounts, payouts] = await Promise.all([
    listInvoicesByIdPrefix(db, { prefix: SEEDED_INVOICE_PREFIX }),
    listCreatorAccountsByIdPrefix(db, { prefix: SEEDED_ACCOUNT_PREFIX }),
    listPayoutsByTransferPrefix(db, { prefix: SEEDED_TRANSFER_PREFIX }),
  ]);
  const body = JSON.stringify(sandboxImportPayload(rows, { invoices, accounts, payouts }));
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
