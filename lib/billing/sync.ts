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
import { settleInvoiceCredits, voidUnpaidEndedPeriods } from "./credit-lifecycle";
import { invoiceFields, subscriptionFields } from "./snapshot";
import { getStripe } from "./stripe-client";

export type CustomerSnapshot = {
  customerId: string;
  fetchedAt: Date;
  subscriptions: Stripe.Subscription[];
  invoices: Stripe.Invoice[];
};

/** Reads the customer's current subscriptions and latest invoices from Stripe (never from a webhook payload). */
export async function fetchCustomerSnapshot(
  customerId: string,
  stripe: Stripe = getStripe(),
): Promise<CustomerSnapshot> {
  const fetchedAt = new Date();
  const [subs, invoices] = await Promise.all([
    stripe.subscriptions.list({ customer: customerId, status: "all", limit: 20 }),
    stripe.invoices.list({ customer: customerId, limit: 24 }),
  ]);
  return { customerId, fetchedAt, subscriptions: subs.data, invoices: invoices.data };
}

/**
 * Writes a snapshot: subscriptions, invoices, and the credit transitions they imply (paid -> earned,
 * void/uncollectible/ended unpaid -> void). Call inside a transaction. Returns what it touched.
 */
export async function applyCustomerSnapshot(tx: Executor, snapshot: CustomerSnapshot) {
  const tenant = await getTenantByCustomerId(tx, { customerId: snapshot.customerId });
  if (!tenant) {
    // A customer we never created (e.g. made by hand in the Stripe dashboard): nothing of ours to update.
    return { tenantId: null, subscriptions: 0, invoices: 0 };
  }
  const now = snapshot.fetchedAt;
  for (const sub of snapshot.subscriptions) {
    const row = await upsertSubscription(tx, { tenantId: tenant.id, ...subscriptionFields(sub, now) });
    const startedBy = sub.metadata?.userId;
    if (row.trialStart && startedBy) await markTrialUsed(tx, { userId: startedBy, at: row.trialStart });
    if (tenant.kind === "team") await notifySeatShortage(tx, row, now);
  }
  let invoiceCount = 0;
  for (const invoice of snapshot.invoices) {
    const fields = invoiceFields(invoice);
    const sub = fields.stripeSubscriptionId
      ? await getSubscriptionByStripeId(tx, { stripeSubscriptionId: fields.stripeSubscriptionId })
      : null;
    const row = await upsertInvoice(tx, {
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
    });
    await settleInvoiceCredits(tx, row, now);
    invoiceCount++;
  }
  for (const sub of snapshot.subscriptions) {
    const row = await getSubscriptionByStripeId(tx, { stripeSubscriptionId: sub.id });
    if (row) await voidUnpaidEndedPeriods(tx, row, now);
  }
  return { tenantId: tenant.id, subscriptions: snapshot.subscriptions.length, invoices: invoiceCount };
}

/** Re-fetches a customer's subscriptions and invoices from Stripe and upserts them (success page, webhooks). */
export async function syncSubscriptionFromStripe(db: Executor, customerId: string, stripe: Stripe = getStripe()) {
  const snapshot = await fetchCustomerSnapshot(customerId, stripe);
  return db.transaction((tx) => applyCustomerSnapshot(tx, snapshot));
}
