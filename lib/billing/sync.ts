import "server-only";
import type Stripe from "stripe";
import {
  getSubscriptionByStripeId,
  getTenantByCustomerId,
  markTrialUsed,
  upsertInvoice,
  upsertSubscription,
} from "@/db/queries/billing";
import type { Executor } from "@/db/types";
import { notifySeatShortage } from "@/lib/teams/seat-notice";
import { settleSyncedPeriods } from "./credit-lifecycle";
import { cancelDuplicateSubscriptions, isLiveInStripe } from "./duplicates";
import { invoiceFields, subscriptionFields } from "./snapshot";
import { getStripe } from "./stripe-client";

export type CustomerSnapshot = {
  customerId: string;
  fetchedAt: Date;
  subscriptions: Stripe.Subscription[];
  invoices: Stripe.Invoice[];
};

async function listCustomer(customerId: string, stripe: Stripe) {
  const [subs, invoices] = await Promise.all([
    stripe.subscriptions.list({ customer: customerId, status: "all", limit: 20 }),
    stripe.invoices.list({ customer: customerId, limit: 24 }),
  ]);
  return { subscriptions: subs.data, invoices: invoices.data };
}

/**
 * Reads the customer's current subscriptions and latest invoices from Stripe (never from a webhook payload).
 * One live subscription per tenant (PRODUCT.md "Billing"): when two checkouts opened together both completed, the
 * later subscription is canceled and refunded in Stripe first, and the customer read again.
 */
export async function fetchCustomerSnapshot(
  customerId: string,
  stripe: Stripe = getStripe(),
  options: { now?: Date } = {},
): Promise<CustomerSnapshot> {
  const fetchedAt = options.now ?? new Date();
  let listed = await listCustomer(customerId, stripe);
  if (listed.subscriptions.filter(isLiveInStripe).length > 1) {
    await cancelDuplicateSubscriptions(listed.subscriptions, stripe);
    listed = await listCustomer(customerId, stripe);
  }
  return { customerId, fetchedAt, ...listed };
}

/**
 * Writes a snapshot: subscriptions (ended ones first, so the one-live-per-tenant index never sees two), invoices,
 * then settles the credits of every period they touch. Call inside a transaction. Returns what it touched.
 */
export async function applyCustomerSnapshot(tx: Executor, snapshot: CustomerSnapshot) {
  const tenant = await getTenantByCustomerId(tx, { customerId: snapshot.customerId });
  if (!tenant) {
    // A customer we never created (e.g. made by hand in the Stripe dashboard): nothing of ours to update.
    return { tenantId: null, subscriptions: 0, invoices: 0 };
  }
  const now = snapshot.fetchedAt;
  const ordered = [...snapshot.subscriptions].sort((a, b) => Number(isLiveInStripe(a)) - Number(isLiveInStripe(b)));
  const subscriptionRows = [];
  for (const sub of ordered) {
    const row = await upsertSubscription(tx, { tenantId: tenant.id, ...subscriptionFields(sub, now) });
    subscriptionRows.push(row);
    const startedBy = sub.metadata?.userId;
    if (row.trialStart && startedBy) await markTrialUsed(tx, { userId: startedBy, at: row.trialStart });
    if (tenant.kind === "team") await notifySeatShortage(tx, row, now);
  }
  const invoiceRows = [];
  for (const invoice of snapshot.invoices) {
    const fields = invoiceFields(invoice);
    const sub = fields.stripeSubscriptionId
      ? await getSubscriptionByStripeId(tx, { stripeSubscriptionId: fields.stripeSubscriptionId })
      : null;
    invoiceRows.push(
      await upsertInvoice(tx, {
        tenantId: tenant.id,
        subscriptionId: sub?.id ?? null,
        stripeInvoiceId: fields.stripeInvoiceId,
        status: fields.status,
        currency: fields.currency,
        amountDueCents: fields.amountDueCents,
        amountPaidCents: fields.amountPaidCents,
        periodStart: fields.periodStart,
        periodEnd: fields.periodEnd,
        paidAt: fields.paidAt,
      }),
    );
  }
  await settleSyncedPeriods(tx, { subscriptions: subscriptionRows, invoices: invoiceRows, now });
  return { tenantId: tenant.id, subscriptions: snapshot.subscriptions.length, invoices: invoiceRows.length };
}

/** Re-fetches a customer's subscriptions and invoices from Stripe and upserts them (success page, webhooks, copies). */
export async function syncSubscriptionFromStripe(
  db: Executor,
  customerId: string,
  stripe: Stripe = getStripe(),
  options: { now?: Date } = {},
) {
  const snapshot = await fetchCustomerSnapshot(customerId, stripe, options);
  return db.transaction((tx) => applyCustomerSnapshot(tx, snapshot));
}
