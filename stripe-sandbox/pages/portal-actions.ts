import { readCardForm } from "../billing/cards";
import { replaceDefaultCard, resumeSubscription, updateSubscription } from "../billing/changes";
import { paymentMethodForSubscription } from "../billing/payment-methods";
import { StripeError, invalidRequest } from "../core/errors";
import type { Sandbox } from "../core/sandbox";
import type { PortalSession, Subscription } from "../core/types";
import type { FormObject } from "../http/form";
import { itemsOf } from "../objects/render";
import { renderPortal, type Notice } from "./portal";
import { field, notFound, type PageRoute } from "./route";

type ActionOutcome = Notice | { error: string };

/** The portal's forms. Each runs in one transaction, then shows the portal with a notice or the error. */
export const portalActions: PageRoute[] = [
  portalAction("card", (sb, session, form) => {
    const read = readCardForm(
      { number: field(form, "card_number"), expiry: field(form, "card_expiry"), cvc: field(form, "card_cvc") },
      sb.now(),
    );
    if (!read.ok) return { error: read.message };
    replaceDefaultCard(sb, sb.require("customers", session.customer), read.card);
    return "card_updated";
  }),
  portalAction("cancel", (sb, session, form) => {
    updateSubscription(sb, subscriptionOf(sb, session, form), { cancelAtPeriodEnd: true, prorationBehavior: "none" });
    return "cancel_scheduled";
  }),
  portalAction("renew", (sb, session, form) => {
    updateSubscription(sb, subscriptionOf(sb, session, form), { cancelAtPeriodEnd: false, prorationBehavior: "none" });
    return "renewed";
  }),
  portalAction("resume", (sb, session, form) => {
    const subscription = subscriptionOf(sb, session, form);
    if (!paymentMethodForSubscription(sb, subscription)) return { error: "Add a card to resume your subscription." };
    resumeSubscription(sb, subscription, { offSession: false });
    // A declined card leaves it paused with the invoice open, as Stripe does; the customer sees why.
    return subscription.status === "paused" ? { error: "Your card was declined." } : "resumed";
  }),
  portalAction("seats", (sb, session, form) => {
    const subscription = subscriptionOf(sb, session, form);
    const quantity = Number(field(form, "quantity"));
    if (!Number.isInteger(quantity) || quantity < 1) return { error: "Enter a whole number of seats, 1 or more." };
    const [item] = itemsOf(sb.store, subscription.id);
    updateSubscription(sb, subscription, {
      items: [{ id: item.id, quantity }],
      prorationBehavior: "create_prorations",
    });
    return "seats_updated";
  }),
];

function portalAction(
  name: string,
  run: (sb: Sandbox, session: PortalSession, form: FormObject) => ActionOutcome,
): PageRoute {
  return {
    method: "POST",
    path: `/portal/:id/${name}`,
    handler: ({ sb, path, form }) => {
      const session = sb.store.get("portal_sessions", path.id);
      if (!session) return notFound("Billing portal session");
      let outcome: ActionOutcome;
      try {
        outcome = sb.transaction(null, () => run(sb, session, form));
      } catch (error) {
        if (!(error instanceof StripeError)) throw error;
        outcome = { error: error.message };
      }
      if (typeof outcome === "string") return { redirect: `/portal/${session.id}?notice=${outcome}` };
      return renderPortal(sb, session, { status: 400, error: outcome.error, notice: null });
    },
  };
}

function subscriptionOf(sb: Sandbox, session: PortalSession, form: FormObject): Subscription {
  const subscription = sb.store.get("subscriptions", field(form, "subscription"));
  if (!subscription || subscription.customer !== session.customer)
    throw invalidRequest("That subscription is not yours.");
  return subscription;
}
