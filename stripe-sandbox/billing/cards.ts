import { createHash } from "node:crypto";
import type { Unix } from "../core/types";
import type { CardInput, Decline } from "../objects/payment";

export type CardBehaviour = "succeeds" | "declines" | "fails_after_attach" | "requires_authentication";

interface TestCard {
  number: string;
  brand: string;
  behaviour: CardBehaviour;
  /** Stripe's test PaymentMethod id for this card, accepted wherever the API takes a payment method. */
  paymentMethodId: string;
}

/** Stripe's test cards the sandbox knows (https://docs.stripe.com/testing). */
const TEST_CARDS: TestCard[] = [
  { number: "4242424242424242", brand: "visa", behaviour: "succeeds", paymentMethodId: "pm_card_visa" },
  { number: "5555555555554444", brand: "mastercard", behaviour: "succeeds", paymentMethodId: "pm_card_mastercard" },
  { number: "4000000000000002", brand: "visa", behaviour: "declines", paymentMethodId: "pm_card_chargeDeclined" },
  {
    number: "4000000000000341",
    brand: "visa",
    behaviour: "fails_after_attach",
    paymentMethodId: "pm_card_chargeCustomerFail",
  },
  {
    number: "4000002760003184",
    brand: "visa",
    behaviour: "requires_authentication",
    paymentMethodId: "pm_card_authenticationRequired",
  },
];

export const DECLINED: Decline = {
  code: "card_declined",
  declineCode: "generic_decline",
  message: "Your card was declined.",
};
export const AUTHENTICATION_REQUIRED: Decline = {
  code: "authentication_required",
  declineCode: "authentication_required",
  message: "Your card was declined. This transaction requires authentication.",
};
const NOT_A_TEST_CARD =
  "Your card was declined. Your request was in test mode, but used a non test card. For a list of valid test cards, visit: https://stripe.com/docs/testing.";

export function testCardByPaymentMethodId(id: string): TestCard | undefined {
  return TEST_CARDS.find((card) => card.paymentMethodId === id);
}

/** How a stored card behaves, recognised by its last four digits (unique among the test cards). */
export function behaviourOf(last4: string): CardBehaviour {
  return TEST_CARDS.find((card) => card.number.endsWith(last4))?.behaviour ?? "succeeds";
}

/** Card details as a stored payment method holds them (never the full number). */
export function cardInputFor(card: TestCard, expMonth = 12, expYear = 2034): CardInput {
  return {
    brand: card.brand,
    last4: card.number.slice(-4),
    expMonth,
    expYear,
    fingerprint: createHash("sha256").update(card.number).digest("base64url").replace(/[-_]/g, "").slice(0, 16),
  };
}

export type CardFormResult =
  { ok: true; card: CardInput; behaviour: CardBehaviour } | { ok: false; message: string; declined: boolean };

/** Reads the card fields of a hosted page with the messages Stripe's own forms show. */
export function readCardForm(fields: { number: string; expiry: string; cvc: string }, now: Unix): CardFormResult {
  const number = fields.number.replace(/[\s-]/g, "");
  if (!/^\d{12,19}$/.test(number) || !passesLuhn(number)) return invalid("Your card number is invalid.");

  const expiry = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(fields.expiry.trim());
  if (!expiry) return invalid("Your card's expiration date is incomplete.");
  const expMonth = Number(expiry[1]);
  const expYear = expiry[2].length === 2 ? 2000 + Number(expiry[2]) : Number(expiry[2]);
  if (expMonth < 1 || expMonth > 12) return invalid("Your card's expiration month is invalid.");
  if (Date.UTC(expYear, expMonth, 1) / 1000 <= now) return invalid("Your card's expiration date is in the past.");

  if (!/^\d{3,4}$/.test(fields.cvc.trim())) return invalid("Your card's security code is incomplete.");

  const card = TEST_CARDS.find((candidate) => candidate.number === number);
  if (!card) return { ok: false, message: NOT_A_TEST_CARD, declined: true };
  if (card.behaviour === "declines") return { ok: false, message: DECLINED.message, declined: true };
  return { ok: true, card: cardInputFor(card, expMonth, expYear), behaviour: card.behaviour };
}

function invalid(message: string): CardFormResult {
  return { ok: false, message, declined: false };
}

function passesLuhn(number: string): boolean {
  let sum = 0;
  [...number].reverse().forEach((char, index) => {
    const digit = Number(char) * (index % 2 === 1 ? 2 : 1);
    sum += digit > 9 ? digit - 9 : digit;
  });
  return sum % 10 === 0;
}
