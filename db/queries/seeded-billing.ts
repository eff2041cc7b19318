import { and, eq, like } from "drizzle-orm";
import { creatorStripeAccounts, invoices, payouts, subscriptions, users } from "../schema";
import type { Executor } from "../types";

// What the seed wrote with made-up Stripe ids, so it can be imported into the Stripe sandbox (lib/billing/sandbox-import).

/** "_" and "%" are LIKE wildcards: escaped, so only ids that really start with the prefix match. */
const startsWith = (prefix: string) => `${prefix.replace(/[_%\\]/g, "\\$&")}%`;

export async function listInvoicesByIdPrefix(db: Executor, params: { prefix: string }) {
  return db
    .select({ invoice: invoices, stripeSubscriptionId: subscriptions.stripeSubscriptionId })
    .from(invoices)
    .innerJoin(subscriptions, eq(subscriptions.id, invoices.subscriptionId))
    .where(like(invoices.stripeInvoiceId, startsWith(params.prefix)))
    .orderBy(invoices.stripeInvoiceId);
}

export async function listCreatorAccountsByIdPrefix(db: Executor, params: { prefix: string }) {
  return db
    .select({ account: creatorStripeAccounts, email: users.email })
    .from(creatorStripeAccounts)
    .innerJoin(users, eq(users.id, creatorStripeAccounts.userId))
    .where(like(creatorStripeAccounts.stripeAccountId, startsWith(params.prefix)))
    .orderBy(creatorStripeAccounts.stripeAccountId);
}

/** Payouts paid by a transfer whose id starts with `prefix`, with the account it went to. */
export async function listPayoutsByTransferPrefix(db: Executor, params: { prefix: string }) {
  return db
    .select({ payout: payouts, stripeAccountId: creatorStripeAccounts.stripeAccountId })
    .from(payouts)
    .innerJoin(creatorStripeAccounts, eq(creatorStripeAccounts.userId, payouts.creatorId))
    .where(and(like(payouts.stripeTransferId, startsWith(params.prefix)), eq(payouts.status, "paid")))
    .orderBy(payouts.stripeTransferId);
}
