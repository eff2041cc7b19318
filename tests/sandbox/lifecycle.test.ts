import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addIntervals } from "../../stripe-sandbox/core/clock";
import {
  PRICE_ID,
  VISA,
  portalUrl,
  startTestSandbox,
  submitForm,
  subscribeThroughCheckout,
  type TestSandbox,
} from "./helpers";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const utc = (iso: string) => Date.parse(iso) / 1000;

async function eventTypesFor(objectId: string, since: number): Promise<string[]> {
  const events = await sandbox.stripe.events
    .list({ limit: 100, created: { gte: since } })
    .autoPagingToArray({ limit: 10_000 });
  return events
    .filter((event) => (event.data.object as { id?: string }).id === objectId)
    .map((event) => event.type)
    .reverse();
}

async function refreshed(subscription: Stripe.Subscription) {
  return sandbox.stripe.subscriptions.retrieve(subscription.id, { expand: ["latest_invoice"] });
}

describe("billing periods", () => {
  it("follow calendar months on the anchor day, clamped to short months", () => {
    const jan31 = utc("2027-01-31T10:00:00Z");
    expect(addIntervals(jan31, "month", 1, 1)).toBe(utc("2027-02-28T10:00:00Z"));
    expect(addIntervals(jan31, "month", 1, 2)).toBe(utc("2027-03-31T10:00:00Z"));
    expect(addIntervals(utc("2028-01-31T00:00:00Z"), "month", 1, 1)).toBe(utc("2028-02-29T00:00:00Z"));
    expect(addIntervals(jan31, "year", 1, 1)).toBe(utc("2028-01-31T10:00:00Z"));
  });
});

describe("subscription lifecycle", () => {
  it("renews: the items' period moves one month and a new invoice is paid with a new charge", async () => {
    const { customer, subscription } = await subscribeThroughCheckout(sandbox);
    const [item] = subscription.items.data;
    await sandbox.post("clock/next-renewal", { subscription: subscription.id });

    const renewed = await refreshed(subscription);
    const [renewedItem] = renewed.items.data;
    expect(renewed.status).toBe("active");
    expect(renewedItem.current_period_start).toBe(item.current_period_end);
    expect(renewedItem.current_period_end).toBe(addIntervals(subscription.billing_cycle_anchor, "month", 1, 2));
    const invoice = renewed.latest_invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({ status: "paid", amount_paid: 1000, billing_reason: "subscription_cycle" });
    expect(invoice.lines.data[0].period).toEqual({
      start: renewedItem.current_period_start,
      end: renewedItem.current_period_end,
    });
    expect((await sandbox.stripe.charges.list({ customer: customer.id })).data).toHaveLength(2);
  });

  it("goes past_due on a failed renewal and back to active when the card is replaced in the portal", async () => {
    const { customer, subscription } = await subscribeThroughCheckout(sandbox);
    const since = (await sandbox.get("now")).now;
    await sandbox.post(`subscriptions/${subscription.id}/fail-next-renewal`);
    await sandbox.post("clock/next-renewal", { subscription: subscription.id });

    const pastDue = await refreshed(subscription);
    expect(pastDue.status).toBe("past_due");
    const open = pastDue.latest_invoice as Stripe.Invoice;
    expect(open).toMatchObject({ status: "open", attempt_count: 1, attempted: true, amount_remaining: 1000 });
    expect(open.next_payment_attempt).toBeGreaterThan(open.created);
    const invoiceEvents = await eventTypesFor(open.id, since);
    expect(invoiceEvents).toContain("invoice.payment_failed");

    const portal = await portalUrl(sandbox, customer.id);
    const response = await submitForm(`${portal}/card`, VISA);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toContain("notice=card_updated");

    const fixed = await refreshed(subscription);
    expect(fixed.status).toBe("active");
    expect(fixed.latest_invoice as Stripe.Invoice).toMatchObject({ id: open.id, status: "paid", attempt_count: 2 });
    expect(fixed.default_payment_method).not.toBe(subscription.default_payment_method);
  });

  it("retries a past-due invoice on Stripe's schedule and cancels after the last failure", async () => {
    const { subscription } = await subscribeThroughCheckout(sandbox);
    await sandbox.post(`subscriptions/${subscription.id}/fail-next-renewal`);
    await sandbox.post("clock/next-renewal", { subscription: subscription.id });
    await sandbox.post("clock/advance", { seconds: 16 * 86_400 });
    const ended = await refreshed(subscription);
    expect(ended.status).toBe("canceled");
    expect(ended.cancellation_details?.reason).toBe("payment_failed");
    expect((ended.latest_invoice as Stripe.Invoice).attempt_count).toBe(4);
  });

  it("sends trial_will_end three days before, then pauses a trial that ends without a card", async () => {
    const { subscription } = await subscribeThroughCheckout(sandbox, {
      trialDays: 7,
      card: null,
      missingPaymentMethod: "pause",
    });
    const since = subscription.created;
    await sandbox.post("clock/advance", { seconds: 4 * 86_400 + 60 });
    expect(await eventTypesFor(subscription.id, since)).toContain("customer.subscription.trial_will_end");

    await sandbox.post("clock/next-renewal", { subscription: subscription.id });
    const paused = await refreshed(subscription);
    expect(paused.status).toBe("paused");
    expect((await sandbox.stripe.invoices.list({ subscription: subscription.id })).data).toHaveLength(1);
    expect(await eventTypesFor(subscription.id, since)).toEqual(
      expect.arrayContaining(["customer.subscription.updated", "customer.subscription.paused"]),
    );
  });

  it("resumes a paused subscription once a card is added: a new period, paid, customer.subscription.resumed", async () => {
    const { customer, subscription } = await subscribeThroughCheckout(sandbox, { trialDays: 7, card: null });
    await sandbox.post(`subscriptions/${subscription.id}/end-trial`);
    expect((await refreshed(subscription)).status).toBe("paused");
    const portal = await portalUrl(sandbox, customer.id);
    expect((await submitForm(`${portal}/resume`, { subscription: subscription.id })).status).toBe(400);

    await submitForm(`${portal}/card`, VISA);
    const resumeResponse = await submitForm(`${portal}/resume`, { subscription: subscription.id });
    expect(resumeResponse.headers.get("location")).toContain("notice=resumed");
    const resumed = await refreshed(subscription);
    expect(resumed.status).toBe("active");
    expect(resumed.latest_invoice as Stripe.Invoice).toMatchObject({ status: "paid", amount_paid: 1000 });
    expect(await eventTypesFor(subscription.id, subscription.created)).toContain("customer.subscription.resumed");
  });

  it("cancels at period end: still active until then, canceled after", async () => {
    const { subscription } = await subscribeThroughCheckout(sandbox);
    const scheduled = await sandbox.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
    expect(scheduled).toMatchObject({
      status: "active",
      cancel_at_period_end: true,
      cancel_at: subscription.items.data[0].current_period_end,
    });
    await sandbox.post("clock/advance", { seconds: 86_400 });
    expect((await refreshed(subscription)).status).toBe("active");

    await sandbox.post("clock/advance", { to: subscription.items.data[0].current_period_end + 1 });
    const canceled = await refreshed(subscription);
    expect(canceled).toMatchObject({ status: "canceled", ended_at: subscription.items.data[0].current_period_end });
    expect(await eventTypesFor(subscription.id, subscription.created)).toContain("customer.subscription.deleted");
    expect((await sandbox.stripe.subscriptions.list({ customer: subscription.customer as string })).data).toHaveLength(
      0,
    );
  });

  it("prorates a seat change onto the next invoice", async () => {
    const { customer, subscription } = await subscribeThroughCheckout(sandbox);
    const [item] = subscription.items.data;
    const half = Math.floor((item.current_period_end - item.current_period_start) / 2);
    await sandbox.post("clock/advance", { to: item.current_period_start + half });
    const portal = await portalUrl(sandbox, customer.id);
    const response = await submitForm(`${portal}/seats`, { subscription: subscription.id, quantity: "3" });
    expect(response.headers.get("location")).toContain("notice=seats_updated");

    await sandbox.post("clock/next-renewal", { subscription: subscription.id });
    const invoice = (await refreshed(subscription)).latest_invoice as Stripe.Invoice;
    const prorations = invoice.lines.data.filter((line) => line.parent?.subscription_item_details?.proration);
    expect(prorations.map((line) => line.amount)).toEqual([-500, 1500]);
    expect(invoice.amount_paid).toBe(3000 + 1000);
  });

  it("creates subscriptions directly for seeding, with Stripe's test payment methods", async () => {
    const customer = await sandbox.stripe.customers.create({ email: "seed@example.com" });
    const active = await sandbox.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: PRICE_ID, quantity: 2 }],
      default_payment_method: "pm_card_visa",
      metadata: { seeded: "yes" },
    });
    expect(active).toMatchObject({ status: "active", metadata: { seeded: "yes" } });
    const trialing = await sandbox.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: PRICE_ID }],
      trial_period_days: 7,
    });
    expect(trialing.status).toBe("trialing");
    const incomplete = await sandbox.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: PRICE_ID }],
    });
    expect(incomplete.status).toBe("incomplete");
    const statuses = await sandbox.stripe.subscriptions.list({ customer: customer.id, status: "trialing" });
    expect(statuses.data.map((sub) => sub.id)).toEqual([trialing.id]);

    const canceled = await sandbox.stripe.subscriptions.cancel(active.id);
    expect(canceled).toMatchObject({ status: "canceled", cancellation_details: { reason: "cancellation_requested" } });
  });

  it("activates an incomplete subscription when its first invoice is paid, and reports a decline as a card error", async () => {
    const customer = await sandbox.stripe.customers.create({ email: "incomplete@example.com" });
    const subscription = await sandbox.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: PRICE_ID }],
    });
    expect(subscription.status).toBe("incomplete");
    const invoiceId = subscription.latest_invoice as string;

    const declined = sandbox.stripe.invoices.pay(invoiceId, { payment_method: "pm_card_chargeCustomerFail" });
    await expect(declined).rejects.toMatchObject({ type: "StripeCardError", statusCode: 402, code: "card_declined" });
    expect((await sandbox.stripe.invoices.retrieve(invoiceId)).attempt_count).toBe(2);

    const paid = await sandbox.stripe.invoices.pay(invoiceId, { payment_method: "pm_card_visa" });
    expect(paid).toMatchObject({ status: "paid", amount_paid: 1000 });
    expect((await sandbox.stripe.subscriptions.retrieve(subscription.id)).status).toBe("active");
  });

  it("voids renewal invoices while payment collection is paused, and resumes at resumes_at", async () => {
    const { subscription } = await subscribeThroughCheckout(sandbox);
    const periodEnd = subscription.items.data[0].current_period_end;
    await sandbox.stripe.subscriptions.update(subscription.id, {
      pause_collection: { behavior: "void", resumes_at: periodEnd + 10 * 86_400 },
    });
    await sandbox.post("clock/next-renewal", { subscription: subscription.id });
    const renewed = await refreshed(subscription);
    expect(renewed.status).toBe("active");
    expect((renewed.latest_invoice as Stripe.Invoice).status).toBe("void");

    await sandbox.post("clock/advance", { to: periodEnd + 10 * 86_400 + 1 });
    expect((await refreshed(subscription)).pause_collection).toBeNull();
  });

  it("resumes through the API once the subscription has a card", async () => {
    const { subscription } = await subscribeThroughCheckout(sandbox, { trialDays: 7, card: null });
    await sandbox.post(`subscriptions/${subscription.id}/end-trial`);
    await sandbox.stripe.subscriptions.update(subscription.id, { default_payment_method: "pm_card_visa" });
    const resumed = await sandbox.stripe.subscriptions.resume(subscription.id, { expand: ["latest_invoice"] });
    expect(resumed.status).toBe("active");
    expect(resumed.latest_invoice as Stripe.Invoice).toMatchObject({
      status: "paid",
      billing_reason: "subscription_update",
    });
    await expect(sandbox.stripe.subscriptions.resume(subscription.id)).rejects.toMatchObject({ statusCode: 400 });
  });

  it("asks for 3-D Secure when an off-session charge needs it", async () => {
    const customer = await sandbox.stripe.customers.create({ email: "3ds@example.com" });
    const subscription = await sandbox.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: PRICE_ID }],
      default_payment_method: "pm_card_authenticationRequired",
    });
    expect(subscription.status).toBe("incomplete");
    const [event] = (await sandbox.stripe.events.list({ type: "invoice.payment_action_required" })).data;
    expect((event.data.object as Stripe.Invoice).id).toBe(subscription.latest_invoice);
  });
});
