import "server-only";
import type Stripe from "stripe";
import { getTenantByCustomerId } from "@/db/queries/billing";
import { listBillingContacts } from "@/db/queries/tenant-contacts";
import type { Executor } from "@/db/types";
import { queueEmail } from "@/lib/email/outbox";
import { paymentActionRequiredEmail, paymentFailedEmail, trialEndingEmail } from "@/lib/email/templates";
import { fromUnix, idOf } from "../stripe-client";
import { applyCustomerSnapshot, fetchCustomerSnapshot } from "../sync";
import type { EventEffect, EventHandler } from "./types";

/** The customer an event concerns: the only thing we take from the payload. */
function customerOf(event: Stripe.Event): string | null {
  const object = event.data.object as { customer?: string | { id: string } | null };
  return idOf(object.customer ?? null);
}

async function syncEffect(customerId: string | null, stripe: Stripe, now: Date): Promise<EventEffect> {
  if (!customerId) return async () => {};
  const snapshot = await fetchCustomerSnapshot(customerId, stripe, { now });
  return async (tx) => {
    await applyCustomerSnapshot(tx, snapshot);
  };
}

/** checkout.session.completed: the session is re-read to find its customer. */
export const onCheckoutCompleted: EventHandler = async (event, stripe, now) => {
  const session = await stripe.checkout.sessions.retrieve((event.data.object as Stripe.Checkout.Session).id);
  return syncEffect(idOf(session.customer), stripe, now);
};

/** customer.subscription.* and invoice.paid: re-fetch the customer's subscriptions and invoices. */
export const onSubscriptionOrInvoiceChange: EventHandler = async (event, stripe, now) =>
  syncEffect(customerOf(event), stripe, now);

type Mail = { subject: string; text: string; html: string };

/**
 * Sync, then mail the tenant's billing contacts once per event, if the re-fetched state still calls for it (a
 * trial_will_end or payment_failed delivered late, after the trial ended or the invoice was paid, sends nothing).
 * What the mail says comes from Stripe's current state too, not from the payload.
 */
function syncAndNotify(
  kind: string,
  compose: (event: Stripe.Event, stripe: Stripe) => Promise<((name: string | null) => Mail) | null>,
): EventHandler {
  return async (event, stripe, now) => {
    const customerId = customerOf(event);
    const sync = await syncEffect(customerId, stripe, now);
    const template = await compose(event, stripe);
    return async (tx: Executor) => {
      await sync(tx);
      if (!customerId || !template) return;
      const tenant = await getTenantByCustomerId(tx, { customerId });
      if (!tenant) return;
      for (const contact of await listBillingContacts(tx, { tenantId: tenant.id })) {
        await queueEmail(tx, {
          to: contact.email,
          kind,
          ...template(contact.name),
          dedupeKey: `${kind}:${event.id}:${contact.userId}`,
        });
      }
    };
  };
}

export const onTrialWillEnd = syncAndNotify("trial_ending", async (event, stripe) => {
  const subscription = await stripe.subscriptions.retrieve((event.data.object as Stripe.Subscription).id);
  const trialEnd = fromUnix(subscription.trial_end);
  if (subscription.status !== "trialing" || !trialEnd) return null;
  return (name) => trialEndingEmail({ name, trialEnd });
});

/** The invoice an invoice.* event concerns, re-read: is it still unpaid? */
async function stillUnpaid(event: Stripe.Event, stripe: Stripe): Promise<boolean> {
  const invoice = await stripe.invoices.retrieve((event.data.object as Stripe.Invoice).id);
  return invoice.status === "open";
}

export const onPaymentFailed = syncAndNotify("payment_failed", async (event, stripe) =>
  (await stillUnpaid(event, stripe)) ? (name) => paymentFailedEmail({ name }) : null,
);
export const onPaymentActionRequired = syncAndNotify("payment_action_required", async (event, stripe) =>
  (await stillUnpaid(event, stripe)) ? (name) => paymentActionRequiredEmail({ name }) : null,
);
