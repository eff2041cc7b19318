import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addIntervals } from "../../stripe-sandbox/core/clock";
import { PRICE_ID, startTestSandbox, subscribeThroughCheckout, type TestSandbox } from "./helpers";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const DAY = 86_400;

async function importOne(suffix: string, overrides: Record<string, unknown> = {}) {
  const now = (await sandbox.get("now")).now as number;
  const start = now - 9 * DAY;
  const end = addIntervals(start, "month", 1, 1);
  const body = {
    customers: [
      {
        id: `cus_import_${suffix}`,
        email: `${suffix}@example.com`,
        name: "Imported",
        metadata: { tenantId: "t1" },
        payment_method: "pm_card_visa",
      },
    ],
    subscriptions: [
      {
        id: `sub_import_${suffix}`,
        customer: `cus_import_${suffix}`,
        price: PRICE_ID,
        quantity: 1,
        status: "active",
        current_period_start: start,
        current_period_end: end,
        created: start - 60 * DAY,
        metadata: { tenantId: "t1", userId: "u1" },
        ...overrides,
      },
    ],
  };
  return { body, start, end, result: await sandbox.post("import", body) };
}

describe("POST /_sandbox/import", () => {
  it("creates customers and subscriptions with their own ids and period, and emits no event", async () => {
    const before = (await sandbox.get("state")).counts.events;
    const { start, end, result } = await importOne("a");
    expect(result).toEqual({
      customers: { created: ["cus_import_a"], existing: [] },
      subscriptions: { created: ["sub_import_a"], existing: [] },
      invoices: { created: [], existing: [] },
      accounts: { created: [], existing: [] },
      transfers: { created: [], existing: [] },
    });
    const subscription = await sandbox.stripe.subscriptions.retrieve("sub_import_a");
    expect(subscription).toMatchObject({
      status: "active",
      customer: "cus_import_a",
      created: start - 60 * DAY,
      metadata: { userId: "u1" },
    });
    expect(subscription.items.data[0]).toMatchObject({
      current_period_start: start,
      current_period_end: end,
      quantity: 1,
    });
    expect(subscription.items.data[0].price.id).toBe(PRICE_ID);
    const customer = await sandbox.stripe.customers.retrieve("cus_import_a");
    expect(customer).toMatchObject({ email: "a@example.com", metadata: { tenantId: "t1" } });
    expect((await sandbox.get("state")).counts.events).toBe(before);
    const listed = await sandbox.stripe.subscriptions.list({ customer: "cus_import_a", status: "all" });
    expect(listed.data.map((s) => s.id)).toEqual(["sub_import_a"]);
  });

  it("is idempotent: existing ids are left alone", async () => {
    await importOne("b");
    await sandbox.stripe.subscriptions.update("sub_import_b", { cancel_at_period_end: true });
    const again = await importOne("b", { quantity: 3 });
    expect(again.result).toEqual({
      customers: { created: [], existing: ["cus_import_b"] },
      subscriptions: { created: [], existing: ["sub_import_b"] },
      invoices: { created: [], existing: [] },
      accounts: { created: [], existing: [] },
      transfers: { created: [], existing: [] },
    });
    const subscription = await sandbox.stripe.subscriptions.retrieve("sub_import_b");
    expect(subscription.cancel_at_period_end).toBe(true);
    expect(subscription.items.data[0].quantity).toBe(1);
  });

  it("renews an imported subscription on its anchor, paid with the imported card", async () => {
    const { end } = await importOne("c");
    await sandbox.post("clock/next-renewal", { subscription: "sub_import_c" });
    const renewed = await sandbox.stripe.subscriptions.retrieve("sub_import_c", { expand: ["latest_invoice"] });
    expect(renewed.status).toBe("active");
    expect(renewed.items.data[0].current_period_start).toBe(end);
    expect((renewed.latest_invoice as { status: string }).status).toBe("paid");
  });

  it("refuses an unknown price or customer and writes nothing", async () => {
    const now = (await sandbox.get("now")).now as number;
    const response = await fetch(`${sandbox.url}/_sandbox/import`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        customers: [{ id: "cus_import_bad" }],
        subscriptions: [
          {
            id: "sub_import_bad",
            customer: "cus_import_bad",
            price: "price_missing",
            status: "active",
            current_period_start: now,
            current_period_end: now + DAY,
          },
        ],
      }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/price_missing/);
    await expect(sandbox.stripe.customers.retrieve("cus_import_bad")).rejects.toThrow(/No such customer/);
  });

  it("refuses a period that ends before it starts", async () => {
    const now = (await sandbox.get("now")).now as number;
    await expect(
      sandbox.post("import", {
        subscriptions: [
          {
            id: "sub_import_x",
            customer: "cus_import_a",
            price: PRICE_ID,
            status: "active",
            current_period_start: now,
            current_period_end: now,
          },
        ],
      }),
    ).rejects.toThrow(/current_period_end/);
  });
});

describe("POST /_sandbox/subscriptions/:id/end-period", () => {
  it("renews one subscription now without moving the clock for the others", async () => {
    const { subscription } = await subscribeThroughCheckout(sandbox);
    const other = await subscribeThroughCheckout(sandbox);
    const clockBefore = (await sandbox.get("now")).now as number;
    await sandbox.post(`subscriptions/${subscription.id}/fail-next-renewal`);
    const ended = await sandbox.post(`subscriptions/${subscription.id}/end-period`);
    expect(ended.status).toBe("past_due");
    expect((await sandbox.get("now")).now - clockBefore).toBeLessThan(5);
    const untouched = await sandbox.stripe.subscriptions.retrieve(other.subscription.id);
    expect(untouched.items.data[0].current_period_end).toBe(other.subscription.items.data[0].current_period_end);
  });

  it("ends a trial that started this very second with a one-second period", async () => {
    const { subscription } = await subscribeThroughCheckout(sandbox, { trialDays: 7, card: null });
    const paused = await sandbox.post(`subscriptions/${subscription.id}/end-trial`);
    expect(paused.status).toBe("paused");
    const item = paused.items.data[0];
    expect(item.current_period_end).toBeGreaterThan(item.current_period_start);
  });
});
