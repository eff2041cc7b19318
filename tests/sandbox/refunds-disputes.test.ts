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
});
