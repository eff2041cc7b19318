import { days } from "../core/clock";
import { invalidRequest } from "../core/errors";
import { newId } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import type { Charge, Dispute, Metadata, PaymentMethod, Refund } from "../core/types";
import { buildCharge, buildDispute, buildPaymentIntent, buildRefund, type Decline } from "../objects/payment";
import { DECLINED } from "./cards";
import { declineFor } from "./payment-methods";

/** Charges a card through a PaymentIntent, recording a succeeded or failed charge as Stripe does. */
export function chargeCard(
  sb: Sandbox,
  input: { customer: string; paymentMethod: PaymentMethod; amount: number; description: string; offSession: boolean },
): Charge {
  const decline = declineFor(sb, input.paymentMethod, input.offSession);
  const created = sb.now();
  const chargeId = newId("ch");
  const paymentIntent = buildPaymentIntent({
    id: newId("pi"),
    created,
    amount: input.amount,
    customer: input.customer,
    description: input.description,
    paymentMethod: input.paymentMethod.id,
    charge: chargeId,
    decline,
  });
  const charge = buildCharge({
    id: chargeId,
    created,
    amount: input.amount,
    customer: input.customer,
    description: input.description,
    paymentIntent: paymentIntent.id,
    paymentMethod: input.paymentMethod,
    decline,
  });
  sb.store.insert("payment_intents", paymentIntent);
  sb.store.insert("charges", charge);
  sb.emit(decline ? "charge.failed" : "charge.succeeded", charge);
  sb.emit(decline ? "payment_intent.payment_failed" : "payment_intent.succeeded", paymentIntent);
  return charge;
}

/** Why a failed charge failed, as a card error reports it. */
export function declineOf(charge: Charge | null): Decline {
  if (!charge?.failure_code) return DECLINED;
  const { reason } = charge.outcome as { reason: string | null };
  return {
    code: charge.failure_code,
    declineCode: reason ?? DECLINED.declineCode,
    message: charge.failure_message ?? DECLINED.message,
  };
}

export function refundCharge(
  sb: Sandbox,
  charge: Charge,
  input: { amount?: number; reason: string | null; metadata: Metadata },
): Refund {
  const refundable = charge.amount - charge.amount_refunded;
  if (charge.status !== "succeeded")
    throw invalidRequest(`Charge ${charge.id} has not succeeded and cannot be refunded.`, "charge");
  if (refundable === 0) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, "charge", "charge_already_refunded");
  }
  const amount = input.amount ?? refundable;
  if (amount < 1 || amount > refundable) {
    throw invalidRequest(
      `Refund amount (${dollars(amount)}) is greater than unrefunded amount on charge (${dollars(refundable)})`,
      "amount",
      "amount_too_large",
    );
  }
  const before = sb.view(charge);
  const refund = buildRefund({
    id: newId("re"),
    created: sb.now(),
    charge,
    amount,
    reason: input.reason,
    metadata: input.metadata,
  });
  sb.store.insert("refunds", refund);
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  sb.emit("refund.created", refund);
  sb.emit("charge.refunded", charge, before);
  return refund;
}

export function openDispute(sb: Sandbox, charge: Charge): Dispute {
  if (charge.disputed) throw invalidRequest(`Charge ${charge.id} is already disputed.`, "charge");
  const before = sb.view(charge);
  const dispute = buildDispute({ id: newId("dp"), created: sb.now(), charge, evidenceDueBy: sb.now() + days(7) });
  sb.store.insert("disputes", dispute);
  charge.disputed = true;
  sb.emit("charge.dispute.created", dispute);
  sb.emit("charge.updated", charge, before);
  return dispute;
}

export function closeDispute(sb: Sandbox, dispute: Dispute, outcome: "won" | "lost"): Dispute {
  if (dispute.status === "won" || dispute.status === "lost") {
    throw invalidRequest(`Dispute ${dispute.id} is already closed (${dispute.status}).`, "status");
  }
  const before = sb.view(dispute);
  dispute.status = outcome;
  sb.emit("charge.dispute.closed", dispute, before);
  return dispute;
}

export function lastSucceededCharge(sb: Sandbox, customer: string): Charge | undefined {
  return sb.store.all("charges").find((charge) => charge.customer === customer && charge.status === "succeeded");
}

function dollars(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}
