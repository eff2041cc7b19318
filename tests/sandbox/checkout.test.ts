import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DECLINING_CARD,
  PRICE_ID,
  VISA,
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

async function latestInvoice(subscription: Stripe.Subscription): Promise<Stripe.Invoice> {
  return sandbox.stripe.invoices.retrieve(subscription.latest_invoice as string);
}

describe("Checkout in subscription mode", () => {
  it("starts a 7-day trial without a card: trialing, no payment method, a $0 paid invoice", async () => {
    const { session, subscription } = await subscribeThroughCheckout(sandbox, { trialDays: 7, card: null });
    expect(session).toMatchObject({
      status: "complete",
      payment_status: "no_payment_required",
      subscription: subscription.id,
    });
    expect(subscription.status).toBe("trialing");
    expect(subscription.default_payment_method).toBeNull();
    expect(subscription.trial_end! - subscription.trial_start!).toBe(7 * 86_400);
    expect(subscription.items.data[0].current_period_end).toBe(subscription.trial_end);
    expect(subscription.trial_settings?.end_behavior.missing_payment_method).toBe("pause");

    const invoice = await latestInvoice(subscription);
    expect(invoice).toMatchObject({
      status: "paid",
      amount_due: 0,
      amount_paid: 0,
      billing_reason: "subscription_create",
    });
    expect(invoice.status_transitions.paid_at).toEqual(expect.any(Number));
    expect(invoice.parent?.subscription_details?.subscription).toBe(subscription.id);
  });

  it("charges 4242 at once without a trial: active, an invoice of 1000 per seat, a charge", async () => {
    const { customer, subscription } = await subscribeThroughCheckout(sandbox, { quantity: 2 });
    expect(subscription.status).toBe("active");
    expect(subscription.default_payment_method).toMatch(/^pm_/);

    const invoice = await latestInvoice(subscription);
    expect(invoice).toMatchObject({
      status: "paid",
      amount_due: 2000,
      amount_paid: 2000,
      amount_remaining: 0,
      attempt_count: 1,
    });
    const [line] = invoice.lines.data;
    const [item] = subscription.items.data;
    expect(line).toMatchObject({
      amount: 2000,
      quantity: 2,
      period: { start: item.current_period_start, end: item.current_period_end },
    });
    expect(line.parent?.subscription_item_details?.subscription_item).toBe(item.id);

    const charges = await sandbox.stripe.charges.list({ customer: customer.id });
    expect(charges.data).toHaveLength(1);
    expect(charges.data[0]).toMatchObject({
      amount: 2000,
      status: "succeeded",
      paid: true,
      payment_method: subscription.default_payment_method,
    });
    const payments = await sandbox.stripe.invoicePayments.list({
      payment: { type: "payment_intent", payment_intent: charges.data[0].payment_intent as string },
    });
    expect(payments.data[0].invoice).toBe(invoice.id);
  });

  it("keeps the card during a trial when one is given", async () => {
    const { subscription } = await subscribeThroughCheckout(sandbox, { trialDays: 7, card: VISA });
    expect(subscription.status).toBe("trialing");
    expect(subscription.default_payment_method).toMatch(/^pm_/);
    expect((await latestInvoice(subscription)).amount_paid).toBe(0);
  });

  it("redirects to success_url with the session id substituted", async () => {
    const customer = await sandbox.stripe.customers.create({ email: "redirect@example.com" });
    const session = await sandbox.stripe.checkout.sessions.create({
      mode: "subscription",
      customer: customer.id,
      line_items: [{ price: PRICE_ID, quantity: 1 }],
      success_url: "http://localhost:3000/checkout/success?session_id={CHECKOUT_SESSION_ID}",
      cancel_url: "http://localhost:3000/pricing",
      client_reference_id: "tenant_42",
      metadata: { tenant: "tenant_42" },
      subscription_data: { metadata: { tenant: "tenant_42" } },
    });
    expect(session.success_url).toContain("{CHECKOUT_SESSION_ID}");
    const response = await submitForm(session.url!, { email: "redirect@example.com", action: "pay", ...VISA });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`http://localhost:3000/checkout/success?session_id=${session.id}`);
    const completed = await sandbox.stripe.checkout.sessions.retrieve(session.id, { expand: ["subscription"] });
    expect(completed.client_reference_id).toBe("tenant_42");
    expect((completed.subscription as Stripe.Subscription).metadata).toEqual({ tenant: "tenant_42" });
  });

  it("shows the decline for 4000 0000 0000 0002 and creates nothing", async () => {
    const customer = await sandbox.stripe.customers.create({ email: "declined@example.com" });
    const session = await sandbox.stripe.checkout.sessions.create({
      mode: "subscription",
      customer: customer.id,
      line_items: [{ price: PRICE_ID, quantity: 1 }],
      success_url: "http://localhost:3000/ok",
    });
    const response = await submitForm(session.url!, {
      email: "declined@example.com",
      action: "pay",
      ...DECLINING_CARD,
    });
    expect(response.status).toBe(402);
    expect(await response.text()).toContain("Your card was declined.");
    expect((await sandbox.stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");
    expect((await sandbox.stripe.subscriptions.list({ customer: customer.id, status: "all" })).data).toHaveLength(0);
    expect((await sandbox.stripe.invoices.list({ customer: customer.id })).data).toHaveLength(0);
    expect((await sandbox.stripe.charges.list({ customer: customer.id })).data).toHaveLength(0);
  });

  it("validates the card form with Stripe's messages", async () => {
    const session = await sandbox.stripe.checkout.sessions.create({
      mode: "subscription",
      customer_email: "form@example.com",
      line_items: [{ price: PRICE_ID, quantity: 1 }],
      success_url: "http://localhost:3000/ok",
    });
    const cases: [Record<string, string>, string][] = [
      [{ ...VISA, card_number: "4242 4242 4242 4241" }, "Your card number is invalid."],
      [{ ...VISA, card_expiry: "01 / 20" }, "Your card&#39;s expiration date is in the past."],
      [{ ...VISA, card_cvc: "1" }, "Your card&#39;s security code is incomplete."],
    ];
    for (const [card, message] of cases) {
      const response = await submitForm(session.url!, { email: "form@example.com", action: "pay", ...card });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(message);
    }
  });

  it("offers a trial without a card only when the session collects cards if_required", async () => {
    const session = await sandbox.stripe.checkout.sessions.create({
      mode: "subscription",
      customer_email: "always@example.com",
      line_items: [{ price: PRICE_ID, quantity: 1 }],
      payment_method_collection: "always",
      subscription_data: { trial_period_days: 7 },
      success_url: "http://localhost:3000/ok",
      cancel_url: "http://localhost:3000/pricing",
    });
    const page = await (await fetch(session.url!)).text();
    expect(page).toContain("Start trial");
    expect(page).not.toContain("Start trial without a card");
    expect(page).toContain('href="http://localhost:3000/pricing"');
    const response = await submitForm(session.url!, { email: "always@example.com", action: "trial_without_card" });
    expect(response.status).toBe(400);
  });

  it("creates the customer from the email when the session has none", async () => {
    const session = await sandbox.stripe.checkout.sessions.create({
      mode: "subscription",
      customer_email: "new-buyer@example.com",
      line_items: [{ price: PRICE_ID, quantity: 1 }],
      success_url: "http://localhost:3000/ok",
    });
    await submitForm(session.url!, { email: "new-buyer@example.com", action: "pay", ...VISA });
    const completed = await sandbox.stripe.checkout.sessions.retrieve(session.id, { expand: ["customer"] });
    expect((completed.customer as Stripe.Customer).email).toBe("new-buyer@example.com");
    expect(completed.customer_details?.email).toBe("new-buyer@example.com");
  });
});
