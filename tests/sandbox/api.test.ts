import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_VERSION } from "../../stripe-sandbox/core/sandbox";
import { PRICE_ID, rawApi, startTestSandbox, subscribeThroughCheckout, type TestSandbox } from "./helpers";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

describe("requests like Stripe's", () => {
  it("serves the API version the pinned SDK sends", () => {
    expect(API_VERSION).toBe(Stripe.API_VERSION);
  });

  it("requires a test secret key", async () => {
    const missing = await fetch(`${sandbox.url}/v1/customers`);
    expect(missing.status).toBe(401);
    expect((await missing.json()).error.type).toBe("invalid_request_error");
    const live = await rawApi(sandbox, "GET", "/v1/customers", { headers: { Authorization: "Bearer sk_live_abc123" } });
    expect(live.status).toBe(401);
  });

  it("decodes nested form keys, including expand[] and expand[0]", async () => {
    const body =
      "email=nested%40example.com&metadata[tenant]=t_1&metadata[plan]=premium&invoice_settings[default_payment_method]=";
    const created = await (await rawApi(sandbox, "POST", "/v1/customers", { body })).json();
    expect(created.metadata).toEqual({ tenant: "t_1", plan: "premium" });

    const session = await sandbox.stripe.checkout.sessions.create({
      mode: "subscription",
      customer: created.id,
      line_items: [{ price: PRICE_ID, quantity: 3 }],
      success_url: "http://localhost:3000/ok",
      metadata: { tenant: "t_1" },
    });
    for (const expand of ["expand[]=customer", "expand[0]=customer"]) {
      const response = await rawApi(sandbox, "GET", `/v1/checkout/sessions/${session.id}?${expand}`);
      expect((await response.json()).customer.email).toBe("nested@example.com");
    }
  });

  it("expands ids at depth and across lists", async () => {
    const { customer, subscription } = await subscribeThroughCheckout(sandbox, { quantity: 2 });
    const expanded = await sandbox.stripe.subscriptions.retrieve(subscription.id, {
      expand: ["customer", "latest_invoice", "items.data.price.product"],
    });
    expect((expanded.customer as Stripe.Customer).id).toBe(customer.id);
    expect((expanded.latest_invoice as Stripe.Invoice).object).toBe("invoice");
    expect((expanded.items.data[0].price.product as Stripe.Product).name).toBe("Flowtab Premium");

    const list = await sandbox.stripe.subscriptions.list({ customer: customer.id, expand: ["data.customer"] });
    expect((list.data[0].customer as Stripe.Customer).email).toBe(customer.email);

    await expect(sandbox.stripe.subscriptions.retrieve(subscription.id, { expand: ["status"] })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      param: "expand",
    });
  });

  it("answers bad input with Stripe's errors and the parameter at fault", async () => {
    await expect(
      sandbox.stripe.checkout.sessions.create({ mode: "subscription", success_url: "http://x" }),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: "parameter_missing",
      param: "line_items",
    });
    await expect(
      sandbox.stripe.checkout.sessions.create({
        mode: "subscription",
        success_url: "http://x",
        line_items: [{ quantity: 1 }],
      }),
    ).rejects.toMatchObject({
      param: "line_items[0][price]",
      message: "Missing required param: line_items[0][price].",
    });
    await expect(
      sandbox.stripe.customers.create({ email: "x@example.com", nickname: "x" } as Stripe.CustomerCreateParams),
    ).rejects.toMatchObject({
      code: "parameter_unknown",
      param: "nickname",
    });
    await expect(
      sandbox.stripe.subscriptions.create({ customer: "cus_missing", items: [{ price: PRICE_ID }] }),
    ).rejects.toMatchObject({ statusCode: 400, code: "resource_missing", param: "customer" });
    await expect(sandbox.stripe.customers.retrieve("cus_missing")).rejects.toMatchObject({
      statusCode: 404,
      code: "resource_missing",
    });
    const unknown = await rawApi(sandbox, "GET", "/v1/quotes");
    expect(unknown.status).toBe(404);
  });

  it("pages lists newest first with has_more and starting_after", async () => {
    const email = "pages@example.com";
    const ids = [];
    for (let i = 0; i < 3; i += 1) ids.push((await sandbox.stripe.customers.create({ email })).id);
    const first = await sandbox.stripe.customers.list({ email, limit: 2 });
    expect(first.data.map((customer) => customer.id)).toEqual([ids[2], ids[1]]);
    expect(first.has_more).toBe(true);
    expect(first.url).toBe("/v1/customers");
    const second = await sandbox.stripe.customers.list({ email, limit: 2, starting_after: ids[1] });
    expect(second.data.map((customer) => customer.id)).toEqual([ids[0]]);
    expect(second.has_more).toBe(false);
    const all = await sandbox.stripe.customers.list({ email }).autoPagingToArray({ limit: 10 });
    expect(all).toHaveLength(3);
  });

  it("filters events by type and created[gte]", async () => {
    const since = (await sandbox.get("now")).now;
    const customer = await sandbox.stripe.customers.create({ email: "events@example.com" });
    await sandbox.stripe.customers.update(customer.id, { name: "Events Person" });
    const events = await sandbox.stripe.events.list({ type: "customer.*", created: { gte: since } });
    const mine = events.data.filter((event) => (event.data.object as Stripe.Customer).id === customer.id);
    expect(mine.map((event) => event.type)).toEqual(["customer.updated", "customer.created"]);
    expect(mine[0].data.previous_attributes).toEqual({ name: null });
    expect(mine[0]).toMatchObject({
      api_version: API_VERSION,
      livemode: false,
      request: { id: expect.stringMatching(/^req_/) },
    });
  });
});

describe("idempotency", () => {
  it("replays the saved response for the same key and parameters", async () => {
    const first = await sandbox.stripe.customers.create(
      { email: "once@example.com" },
      { idempotencyKey: "customer-once" },
    );
    const again = await sandbox.stripe.customers.create(
      { email: "once@example.com" },
      { idempotencyKey: "customer-once" },
    );
    expect(again.id).toBe(first.id);
    expect((await sandbox.stripe.customers.list({ email: "once@example.com" })).data).toHaveLength(1);

    const raw = await rawApi(sandbox, "POST", "/v1/customers", {
      body: "email=once%40example.com",
      headers: { "Idempotency-Key": "customer-once" },
    });
    expect(raw.headers.get("idempotent-replayed")).toBe("true");
    expect((await raw.json()).id).toBe(first.id);
  });

  it("refuses the same key with different parameters", async () => {
    await sandbox.stripe.customers.create({ email: "a@example.com" }, { idempotencyKey: "customer-key" });
    await expect(
      sandbox.stripe.customers.create({ email: "b@example.com" }, { idempotencyKey: "customer-key" }),
    ).rejects.toMatchObject({
      type: "StripeIdempotencyError",
      statusCode: 400,
    });
  });

  it("saves no validation error, so the key stays usable", async () => {
    await expect(
      sandbox.stripe.subscriptions.create(
        { customer: "cus_nobody", items: [{ price: PRICE_ID }] },
        { idempotencyKey: "sub-key" },
      ),
    ).rejects.toMatchObject({ code: "resource_missing" });
    const customer = await sandbox.stripe.customers.create({
      payment_method: "pm_card_visa",
      invoice_settings: { default_payment_method: "pm_card_visa" },
    });
    const subscription = await sandbox.stripe.subscriptions.create(
      { customer: customer.id, items: [{ price: PRICE_ID }] },
      { idempotencyKey: "sub-key" },
    );
    expect(subscription.status).toBe("active");
  });
});
