import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, subscribeThroughCheckout, type TestSandbox } from "./helpers";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

async function eventsOfType(type: string, objectId: string): Promise<Stripe.Event[]> {
  const events = await sandbox.stripe.events.list({ type, limit: 100 });
  return events.data.filter((event) => (event.data.object as { id: string }).id === objectId);
}

describe("refunds and disputes", () => {
  it("refunds a subscriber's last charge: charge.refunded with the earlier amount, traceable to the invoice", async () => {
    const { customer, subscription } = await subscribeThroughCheckout(sandbox, { quantity: 3 });
    const refund = await sandbox.post<Stripe.Refund>("charges/last/refund", { customer: customer.id });
    expect(refund).toMatchObject({ object: "refund", amount: 3000, status: "succeeded" });

    const charge = await sandbox.stripe.charges.retrieve(refund.charge as string);
    expect(charge).toMatchObject({ amount_refunded: 3000, refunded: true });
    expect(charge.refunds?.data.map((item) => item.id)).toEqual([refund.id]);
    const [event] = await eventsOfType("charge.refunded", charge.id);
    expect(event.data.previous_attributes).toMatchObject({ amount_refunded: 0, refunded: false });

    const [payment] = (
      await sandbox.stripe.invoicePayments.list({
        payment: { type: "payment_intent", payment_intent: charge.payment_intent as string },
      })
    ).data;
    expect(payment.invoice).toBe(subscription.latest_invoice);
  });

  it("refunds part of a charge through the API and refuses more than is left", async () => {
    const { customer } = await subscribeThroughCheckout(sandbox);
    const [charge] = (await sandbox.stripe.charges.list({ customer: customer.id })).data;
    const partial = await sandbox.stripe.refunds.create({
      charge: charge.id,
      amount: 400,
      reason: "requested_by_customer",
    });
    expect(partial.amount).toBe(400);
    await expect(sandbox.stripe.refunds.create({ charge: charge.id, amount: 700 })).rejects.toMatchObject({
      param: "amount",
    });
    expect((await sandbox.stripe.refunds.list({ charge: charge.id })).data).toHaveLength(1);
  });

  it("opens a dispute on the last charge and closes it as lost", async () => {
    const { customer } = await subscribeThroughCheckout(sandbox);
    const dispute = await sandbox.post<Stripe.Dispute>("charges/last/dispute", { customer: customer.id });
    expect(dispute).toMatchObject({ object: "dispute", amount: 1000, status: "needs_response" });
    expect((await sandbox.stripe.charges.retrieve(dispute.charge as string)).disputed).toBe(true);
    expect(await eventsOfType("charge.dispute.created", dispute.id)).toHaveLength(1);

    await sandbox.post(`disputes/${dispute.id}/close`, { status: "lost" });
    expect((await sandbox.stripe.disputes.retrieve(dispute.id)).status).toBe("lost");
    const [closed] = await eventsOfType("charge.dispute.closed", dispute.id);
    expect(closed.data.previous_attributes).toEqual({ status: "needs_response" });
    expect((await sandbox.stripe.disputes.list({ charge: dispute.charge as string })).data).toHaveLength(1);
  });

  it("refunds part of the last charge through the control, then the rest", async () => {
    const { customer } = await subscribeThroughCheckout(sandbox);
    const partial = await sandbox.post<Stripe.Refund>("charges/last/refund", { customer: customer.id, amount: 250 });
    expect(partial.amount).toBe(250);
    const charge = await sandbox.stripe.charges.retrieve(partial.charge as string);
    expect(charge).toMatchObject({ amount_refunded: 250, refunded: false });
    const rest = await sandbox.post<Stripe.Refund>("charges/last/refund", { customer: customer.id });
    expect(rest.amount).toBe(750);
    expect(await sandbox.stripe.charges.retrieve(charge.id)).toMatchObject({ amount_refunded: 1000, refunded: true });
  });

  it("a chargeback withdraws funds and cannot be refunded; won, the funds are reinstated", async () => {
    const { customer } = await subscribeThroughCheckout(sandbox);
    const dispute = await sandbox.post<Stripe.Dispute>("charges/last/dispute", { customer: customer.id });
    expect(dispute).toMatchObject({
      status: "needs_response",
      is_charge_refundable: false,
      payment_method_details: { card: { case_type: "chargeback" } },
    });
    expect(await eventsOfType("charge.dispute.funds_withdrawn", dispute.id)).toHaveLength(1);
    await expect(sandbox.stripe.refunds.create({ charge: dispute.charge as string })).rejects.toMatchObject({
      code: "charge_disputed",
    });
    await sandbox.post(`disputes/${dispute.id}/close`, { status: "won" });
    expect(await eventsOfType("charge.dispute.funds_reinstated", dispute.id)).toHaveLength(1);
    await expect(sandbox.post(`disputes/${dispute.id}/close`, { status: "lost" })).rejects.toThrow(/already closed/);
  });

  it("an inquiry moves no money, stays refundable, closes as warning_closed or escalates to a chargeback", async () => {
    const { customer } = await subscribeThroughCheckout(sandbox);
    const inquiry = await sandbox.post<Stripe.Dispute>("charges/last/dispute", {
      customer: customer.id,
      inquiry: true,
    });
    expect(inquiry).toMatchObject({
      status: "warning_needs_response",
      is_charge_refundable: true,
      reason: "general",
      payment_method_details: { card: { case_type: "inquiry" } },
    });
    expect((await sandbox.stripe.charges.retrieve(inquiry.charge as string)).disputed).toBe(true);
    expect(await eventsOfType("charge.dispute.funds_withdrawn", inquiry.id)).toEqual([]);
    await expect(sandbox.post(`disputes/${inquiry.id}/close`, { status: "won" })).rejects.toThrow(/warning_closed/);
    await sandbox.post(`disputes/${inquiry.id}/close`, { status: "warning_closed" });
    const [closed] = await eventsOfType("charge.dispute.closed", inquiry.id);
    expect(closed!.data.previous_attributes).toEqual({ status: "warning_needs_response" });

    const other = await subscribeThroughCheckout(sandbox);
    const escalated = await sandbox.post<Stripe.Dispute>("charges/last/dispute", {
      customer: other.customer.id,
      inquiry: true,
    });
    await sandbox.post(`disputes/${escalated.id}/escalate`);
    expect(await sandbox.stripe.disputes.retrieve(escalated.id)).toMatchObject({
      status: "needs_response",
      is_charge_refundable: false,
    });
    expect((await eventsOfType("charge.dispute.updated", escalated.id)).map((e) => e.data.previous_attributes)).toEqual(
      [expect.objectContaining({ status: "warning_needs_response" })],
    );
    expect(await eventsOfType("charge.dispute.funds_withdrawn", escalated.id)).toHaveLength(1);
  });

  it("a customer credit balance pays a renewal: a paid invoice of zero with no charge", async () => {
    const { customer, subscription } = await subscribeThroughCheckout(sandbox);
    await sandbox.stripe.customers.update(customer.id, { balance: -1000 });
    await sandbox.post(`subscriptions/${subscription.id}/end-period`);
    const renewal = (await sandbox.stripe.invoices.list({ subscription: subscription.id, limit: 1 })).data[0]!;
    expect(renewal).toMatchObject({
      status: "paid",
      total: 1000,
      amount_due: 0,
      amount_paid: 0,
      starting_balance: -1000,
    });
    expect((await sandbox.stripe.charges.list({ customer: customer.id })).data).toHaveLength(1);
    expect(((await sandbox.stripe.customers.retrieve(customer.id)) as Stripe.Customer).balance).toBe(0);
  });
});
