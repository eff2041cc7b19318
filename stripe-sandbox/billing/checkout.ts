import type { Sandbox } from "../core/sandbox";
import type { CheckoutDetails } from "../core/store";
import type { CheckoutSession } from "../core/types";
import type { CardInput } from "../objects/payment";
import { createCustomer } from "./customers";
import { attachCard } from "./payment-methods";
import { createSubscription } from "./subscriptions";

export function checkoutDetailsOf(sb: Sandbox, session: CheckoutSession): CheckoutDetails {
  const details = sb.store.state.checkoutDetails[session.id];
  if (!details) throw new Error(`checkout session ${session.id} has no stored details`);
  return details;
}

/** A trial without a card is offered only when the session collects a card "if_required". */
export function allowsTrialWithoutCard(sb: Sandbox, session: CheckoutSession): boolean {
  return (
    session.payment_method_collection === "if_required" && (checkoutDetailsOf(sb, session).trialPeriodDays ?? 0) > 0
  );
}

/**
 * Completes a session from the hosted page: the customer (created when the session had none), the card, the
 * subscription and its first invoice, then checkout.session.completed. A declined card throws before anything is
 * kept (the page's transaction rolls back), so the session stays open.
 */
export function completeCheckout(
  sb: Sandbox,
  session: CheckoutSession,
  submission: { email: string; card: CardInput | null },
): void {
  const details = checkoutDetailsOf(sb, session);
  const customer = session.customer
    ? sb.require("customers", session.customer)
    : createCustomer(sb, { email: submission.email, name: null, phone: null, description: null, metadata: {} });
  const paymentMethod = submission.card ? attachCard(sb, customer, submission.card) : null;
  const subscription = createSubscription(sb, {
    customer,
    items: details.lineItems.map((item) => ({ price: sb.require("prices", item.price), quantity: item.quantity })),
    trialDays: details.trialPeriodDays,
    missingPaymentMethod: details.missingPaymentMethod,
    paymentMethod,
    metadata: details.subscriptionMetadata,
    paymentBehavior: "error_if_incomplete",
    offSession: false,
  });
  const before = sb.view(session);
  session.status = "complete";
  session.customer = customer.id;
  session.subscription = subscription.id;
  session.invoice = subscription.latest_invoice;
  session.payment_status = subscription.status === "trialing" ? "no_payment_required" : "paid";
  session.customer_details = {
    address: null,
    business_name: null,
    email: submission.email || customer.email,
    individual_name: null,
    name: customer.name,
    phone: null,
    tax_exempt: "none",
    tax_ids: [],
  };
  sb.emit("checkout.session.completed", session, before);
}

export function expireSession(sb: Sandbox, session: CheckoutSession): void {
  const before = sb.view(session);
  session.status = "expired";
  sb.emit("checkout.session.expired", session, before);
}
