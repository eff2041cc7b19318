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

async function syncEffect(customerId: string | null, stripe: Stripe): Promise<EventEffect> {
  if (!customerId) return async () => {};
  const snapshot = await fetchCustomerSnapshot(customerId, stripe);
  return async (tx) => {
    await applyCustomerSnapshot(tx, snapshot);
  };
}

/** checkout.session.completed: the session is re-read to find its customer. */
export const onCheckoutCompleted: EventHandler = async (event, stripe) => {
  const session = await stripe.checkout.sessions.retrieve((event.data.object as Stripe.Checkout.Session).id);
  return syncEffect(idOf(session.customer), stripe);
};

/** customer.subscription.* and invoice.paid: re-fetch the customer's subscriptions and invoices. */
export const onSubscriptionOrInvoiceChange: EventHandler = async (event, stripe) => syncEffect(customerOf(event), stripe);

type Template = (p: { name: string | null; trialEnd: Date }) => { subject: string; text: string; html: string };

/** Sync, then mail the tenant's billing contacts once per event. */
function syncAndNotify(kind: string, template: Template): EventHandler {
  return async (event, stripe) => {
    const customerId = customerOf(event);
    const sync = await syncEffect(customerId, stripe);
    const trialEnd = fromUnix((event.data.object as { trial_end?: number | null }).trial_end ?? null);
    return async (tx: Executor) => {
      await sync(tx);
      if (!customerId) return;
      const tenant = await getTenantByCustomerId(tx, { customerId });
      if (!tenant) return;
      for (const contact of await listBillingContacts(tx, { tenantId: tenant.id })) {
        const mail = template({ name: contact.name, trialEnd: trialEnd ?? new Date() });
        await queueEmail(tx, { to: contact.email, kind, ...mail, dedupeKey: `${kind}:${event.id}:${contact.userId}` });
      }
    };
  };
}

export const onTrialWillEnd = syncAndNotify("trial_ending", trialEndingEmail);
export const onPaymentFailed = syncAndNotify("payment_failed", paymentFailedEmail);
export const onPaymentActionRequired = syncAndNotify("payment_action_required", paymentActionRequiredEmail);
