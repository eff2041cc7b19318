import { money } from "../billing/lines";
import { paymentMethodForSubscription } from "../billing/payment-methods";
import { currentPeriod } from "../billing/subscriptions";
import type { Sandbox } from "../core/sandbox";
import type { PortalSession, Subscription } from "../core/types";
import { itemsOf } from "../objects/render";
import { alertBox, cardFields, formatDate, html, layout, type SafeHtml } from "./html";
import { portalActions } from "./portal-actions";
import { field, notFound, type PageContext, type PageResult, type PageRoute } from "./route";

/** Confirmations shown after an action (`?notice=`), so no free text travels in the URL. */
const NOTICES = {
  card_updated: "Your card was updated.",
  cancel_scheduled: "Your subscription will be canceled at the end of the billing period.",
  renewed: "Your subscription will renew.",
  resumed: "Your subscription was resumed.",
  seats_updated: "Your seats were updated.",
} as const;
export type Notice = keyof typeof NOTICES;

export const portalPages: PageRoute[] = [
  {
    method: "GET",
    path: "/portal/:id",
    handler: ({ sb, path, form }: PageContext) => {
      const session = sb.store.get("portal_sessions", path.id);
      if (!session) return notFound("Billing portal session");
      const notice = field(form, "notice");
      return renderPortal(sb, session, {
        status: 200,
        error: null,
        notice: notice in NOTICES ? NOTICES[notice as Notice] : null,
      });
    },
  },
  ...portalActions,
];

/** The customer's subscriptions with the actions Stripe's portal offers for their state. */
export function renderPortal(
  sb: Sandbox,
  session: PortalSession,
  state: { status: number; error: string | null; notice: string | null },
): PageResult {
  const subscriptions = sb.store
    .all("subscriptions")
    .filter(
      (subscription) =>
        subscription.customer === session.customer && !["canceled", "incomplete_expired"].includes(subscription.status),
    );
  const content = html` <h1>Manage your Flowtab subscription</h1>
    ${alertBox(state.error)} ${state.notice ? html`<p class="notice" role="status">${state.notice}</p>` : ""}
    ${
      subscriptions.length === 0
        ? html`<p>You have no active subscription.</p>`
        : subscriptions.map((subscription) => subscriptionSection(sb, session, subscription))
    }
    <section aria-labelledby="card-heading">
      <h2 id="card-heading">Update card</h2>
      <form method="post" action="/portal/${session.id}/card">
        ${cardFields()}
        <button type="submit">Update card</button>
      </form>
    </section>
    ${session.return_url ? html`<p><a href="${session.return_url}">Return to Flowtab</a></p>` : ""}`;
  return { status: state.status, html: layout("Billing portal", content) };
}

function subscriptionSection(sb: Sandbox, session: PortalSession, subscription: Subscription): SafeHtml {
  const [item] = itemsOf(sb.store, subscription.id);
  const price = sb.require("prices", item.price);
  const product = sb.store.get("products", price.product)?.name ?? price.product;
  const periodEnd = currentPeriod(sb, subscription).end;
  const card = paymentMethodForSubscription(sb, subscription)?.card;
  const cardOnFile = card
    ? `${card.brand} •••• ${card.last4} (expires ${card.exp_month}/${card.exp_year})`
    : "No card on file";
  const action = (name: string, label: string, style = "secondary") =>
    html` <form method="post" action="/portal/${session.id}/${name}">
      <input type="hidden" name="subscription" value="${subscription.id}" />
      <button type="submit" class="${style}">${label}</button>
    </form>`;
  const cancellable =
    ["trialing", "active", "past_due"].includes(subscription.status) && !subscription.cancel_at_period_end;
  return html` <section aria-label="Current plan">
    <h2>Current plan: ${product}</h2>
    <dl>
      <dt>Status</dt>
      <dd>${statusLabel(subscription)}</dd>
      <dt>Price</dt>
      <dd>${money(price.unit_amount * item.quantity)} per ${price.recurring?.interval ?? "month"}</dd>
      <dt>Seats</dt>
      <dd>${item.quantity}</dd>
      <dt>${periodLabel(subscription)}</dt>
      <dd>${subscription.status === "paused" ? "—" : formatDate(periodEnd)}</dd>
      <dt>Card on file</dt>
      <dd>${cardOnFile}</dd>
    </dl>
    ${cancellable ? action("cancel", "Cancel subscription") : ""}
    ${subscription.cancel_at_period_end ? action("renew", "Renew subscription", "") : ""}
    ${subscription.status === "paused" ? action("resume", "Resume subscription", "") : ""}
    ${
      subscription.status === "paused"
        ? ""
        : html` <form method="post" action="/portal/${session.id}/seats">
            <input type="hidden" name="subscription" value="${subscription.id}" />
            <label for="seats-${subscription.id}">Seats</label>
            <input
              id="seats-${subscription.id}"
              name="quantity"
              type="number"
              min="1"
              value="${item.quantity}"
              required
            />
            <button type="submit" class="secondary">Update seats</button>
          </form>`
    }
  </section>`;
}

function statusLabel(subscription: Subscription): string {
  if (subscription.cancel_at_period_end) return "Canceling at period end";
  const labels: Record<string, string> = {
    trialing: "Trial",
    active: "Active",
    past_due: "Past due: update your card",
    paused: "Paused: add a card and resume",
    incomplete: "Incomplete: payment needed",
    unpaid: "Unpaid",
  };
  return labels[subscription.status] ?? subscription.status;
}

function periodLabel(subscription: Subscription): string {
  if (subscription.cancel_at_period_end) return "Ends on";
  return subscription.status === "trialing" ? "Trial ends on" : "Renews on";
}
