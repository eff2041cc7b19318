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
  const chargeback = disputesOf(sb, charge).find((dispute) => !dispute.is_charge_refundable);
  if (chargeback) {
    throw invalidRequest(
      `Charge ${charge.id} has been charged back; cannot issue a refund.`,
      "charge",
      "charge_disputed",
    );
  }
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

/** Statuses of an inquiry (a "retrieval request"): the cardholder's bank asks, no money moves. */
const INQUIRY_STATUSES = new Set(["warning_needs_response", "warning_under_review", "warning_closed"]);

/**
 * Opens a dispute on a charge. A chargeback (`needs_response`) withdraws the disputed amount from the balance
 * (charge.dispute.funds_withdrawn); an inquiry (`warning_needs_response`, case_type `inquiry`) moves no money and
 * leaves the charge refundable, as at Stripe.
 */
export function openDispute(sb: Sandbox, charge: Charge, kind: "chargeback" | "inquiry" = "chargeback"): Dispute {
  if (charge.disputed) throw invalidRequest(`Charge ${charge.id} is already disputed.`, "charge");
  const before = sb.view(charge);
  const dispute = buildDispute({
    id: newId("dp"),
    created: sb.now(),
    charge,
    evidenceDueBy: sb.now() + days(7),
    inquiry: kind === "inquiry",
  });
  sb.store.insert("disputes", dispute);
  charge.disputed = true;
  sb.emit("charge.dispute.created", dispute);
  if (kind === "chargeback") sb.emit("charge.dispute.funds_withdrawn", dispute);
  sb.emit("charge.updated", charge, before);
  return dispute;
}

/** An inquiry the bank turns into a chargeback: the funds are withdrawn now (charge.dispute.updated). */
export function escalateDispute(sb: Sandbox, dispute: Dispute): Dispute {
  if (dispute.status !== "warning_needs_response" && dispute.status !== "warning_under_review") {
    throw invalidRequest(
      `Dispute ${dispute.id} is ${dispute.status}: only an open inquiry can be escalated.`,
      "status",
    );
  }
  const before = sb.view(dispute);
  dispute.status = "needs_response";
  dispute.is_charge_refundable = false;
  (dispute.payment_method_details as { card: { case_type: string } }).card.case_type = "chargeback";
  sb.emit("charge.dispute.updated", dispute, before);
  sb.emit("charge.dispute.funds_withdrawn", dispute);
  return dispute;
}

/** Closes a dispute: a chargeback as won (funds reinstated) or lost; an inquiry as warning_closed. */
export function closeDispute(sb: Sandbox, dispute: Dispute, outcome: "won" | "lost" | "warning_closed"): Dispute {
  if (dispute.status === "won" || dispute.status === "lost" || dispute.status === "warning_closed") {
    throw invalidRequest(`Dispute ${dispute.id} is already closed (${dispute.status}).`, "status");
  }
  const inquiry = INQUIRY_STATUSES.has(dispute.status);
  if (inquiry !== (outcome === "warning_closed")) {
    throw invalidRequest(
      inquiry
        ? `Dispute ${dispute.id} is an inquiry: it closes as warning_closed (or is escalated first).`
        : `Dispute ${dispute.id} is a chargeback: it closes as won or lost.`,
      "status",
    );
  }
  const before = sb.view(dispute);
  dispute.status = outcome;
  sb.emit("charge.dispute.closed", dispute, before);
  if (outcome === "won") sb.emit("charge.dispute.funds_reinstated", dispute);
  return dispute;
}

function disputesOf(sb: Sandbox, charge: Charge): Dispute[] {
  return sb.store.all("disputes").filter((dispute) => dispute.charge === charge.id);
}

export function lastSucceededCharge(sb: Sandbox, customer: string): Charge | undefined {
  return sb.store.all("charges").find((charge) => charge.customer === customer && charge.status === "succeeded");
}

function dollars(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}
