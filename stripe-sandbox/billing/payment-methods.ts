import { cardDeclined, invalidRequest } from "../core/errors";
import { newId } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import type { Customer, PaymentMethod, Subscription } from "../core/types";
import { buildPaymentMethod, type CardInput, type Decline } from "../objects/payment";
import { AUTHENTICATION_REQUIRED, DECLINED, behaviourOf, cardInputFor, testCardByPaymentMethodId } from "./cards";

export function attachCard(sb: Sandbox, customer: Customer, card: CardInput): PaymentMethod {
  const paymentMethod = buildPaymentMethod({
    id: newId("pm"),
    created: sb.now(),
    customer: customer.id,
    email: customer.email,
    card,
  });
  sb.store.insert("payment_methods", paymentMethod);
  sb.emit("payment_method.attached", paymentMethod);
  return paymentMethod;
}

/**
 * A `payment_method` parameter: one of the customer's cards, an unattached one (attached now), or one of Stripe's
 * test ids such as `pm_card_visa`, which attaches a fresh card. `pm_card_chargeDeclined` fails like Stripe (402).
 */
export function paymentMethodFromParam(sb: Sandbox, customer: Customer, id: string, param: string): PaymentMethod {
  const testCard = testCardByPaymentMethodId(id);
  if (testCard) {
    if (testCard.behaviour === "declines") throw cardDeclined(DECLINED);
    return attachCard(sb, customer, cardInputFor(testCard));
  }
  const paymentMethod = sb.require("payment_methods", id, param);
  if (paymentMethod.customer === null) {
    paymentMethod.customer = customer.id;
    sb.emit("payment_method.attached", paymentMethod);
  } else if (paymentMethod.customer !== customer.id) {
    throw invalidRequest(
      `The customer does not have a payment method with the ID ${id}. The payment method must be attached to the customer.`,
      param,
    );
  }
  return paymentMethod;
}

/** The card a subscription charges: its own default, else the customer's invoice default. */
export function paymentMethodForSubscription(sb: Sandbox, subscription: Subscription): PaymentMethod | null {
  const customer = sb.require("customers", subscription.customer);
  const id = subscription.default_payment_method ?? customer.invoice_settings.default_payment_method;
  return id ? (sb.store.get("payment_methods", id) ?? null) : null;
}

/** Whether charging this card now would fail, and how. Off-session charges cannot pass 3-D Secure. */
export function declineFor(sb: Sandbox, paymentMethod: PaymentMethod, offSession: boolean): Decline | null {
  if (sb.store.state.decliningPaymentMethods.includes(paymentMethod.id)) return DECLINED;
  const behaviour = behaviourOf(paymentMethod.card.last4);
  if (behaviour === "declines" || behaviour === "fails_after_attach") return DECLINED;
  if (behaviour === "requires_authentication" && offSession) return AUTHENTICATION_REQUIRED;
  return null;
}
