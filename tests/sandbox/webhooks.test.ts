import type Stripe from "stripe";
import { afterEach, describe, expect, it, vi } from "vitest";
import { signatureHeader } from "../../stripe-sandbox/webhooks/signature";
import {
  WEBHOOK_SECRET,
  startReceiver,
  startTestSandbox,
  subscribeThroughCheckout,
  type Receiver,
  type TestSandbox,
} from "./helpers";

let sandbox: TestSandbox | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await sandbox?.close();
  await receiver?.close();
  sandbox = receiver = undefined;
});

async function setUp(respond?: (event: Stripe.Event) => number) {
  receiver = await startReceiver(respond);
  sandbox = await startTestSandbox({ appUrl: receiver.url, deliverWebhooks: true, retryBaseMs: 20 });
  return { sandbox, receiver };
}

/** Every event recorded so far, oldest first. */
async function allEvents(sb: TestSandbox): Promise<Stripe.Event[]> {
  return (await sb.stripe.events.list({ limit: 100 }).autoPagingToArray({ limit: 1000 })).reverse();
}

async function settled(sb: TestSandbox) {
  await vi.waitFor(async () => expect((await sb.get("state")).webhooks.pending_deliveries).toBe(0), {
    timeout: 5_000,
    interval: 20,
  });
}

describe("webhook delivery", () => {
  it("posts every event in order, signed so that stripe.webhooks.constructEvent accepts it", async () => {
    const { sandbox, receiver } = await setUp();
    await subscribeThroughCheckout(sandbox, { trialDays: 7, card: null });
    await settled(sandbox);
    const events = await allEvents(sandbox);
    expect(receiver.rejectedSignatures).toBe(0);
    expect(receiver.received.map((event) => event.id)).toEqual(events.map((event) => event.id));
    expect(receiver.received.map((event) => event.type)).toEqual(
      expect.arrayContaining([
        "customer.created",
        "customer.subscription.created",
        "invoice.paid",
        "checkout.session.completed",
      ]),
    );
    expect((await sandbox.stripe.events.retrieve(events[0].id)).pending_webhooks).toBe(0);
  });

  it("retries a failed delivery with backoff until the app answers 2xx", async () => {
    const failures = new Map<string, number>();
    const { sandbox, receiver } = await setUp((event) => {
      const seen = failures.get(event.id) ?? 0;
      failures.set(event.id, seen + 1);
      return seen < 2 ? 500 : 200;
    });
    const customer = await sandbox.stripe.customers.create({ email: "retry@example.com" });
    await settled(sandbox);
    const deliveries = (await sandbox.get("events/deliveries")).data;
    expect(deliveries.map((attempt: { status: number; outcome: string }) => [attempt.status, attempt.outcome])).toEqual(
      [
        [500, "will_retry"],
        [500, "will_retry"],
        [200, "delivered"],
      ],
    );
    expect(receiver.received.map((event) => (event.data.object as Stripe.Customer).id)).toEqual([
      customer.id,
      customer.id,
      customer.id,
    ]);
  });

  it("delivers each event twice when asked", async () => {
    const { sandbox, receiver } = await setUp();
    await sandbox.post("webhooks", { duplicate: true });
    await sandbox.stripe.customers.create({ email: "twice@example.com" });
    await settled(sandbox);
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0].id).toBe(receiver.received[1].id);
  });

  it("shuffles the events of one change when asked, in the same order for the same seed", async () => {
    const arrivals: string[][] = [];
    for (const run of [1, 2]) {
      const { sandbox, receiver } = await setUp();
      await sandbox.post("webhooks", { shuffle: true, shuffleSeed: 7 });
      await subscribeThroughCheckout(sandbox, { quantity: 2 });
      await settled(sandbox);
      const order = (await allEvents(sandbox)).map((event) => event.id);
      const arrived = receiver.received.map((event) => event.id);
      expect([...arrived].sort(), `run ${run}`).toEqual([...order].sort());
      expect(arrived, `run ${run}`).not.toEqual(order);
      // Event ids differ between sandboxes: compare where each arrival sits in the order the events happened.
      arrivals.push(arrived.map((id) => String(order.indexOf(id))));
      if (run === 1) await Promise.all([sandbox.close(), receiver.close()]); // afterEach closes the second
    }
    expect(arrivals[1]).toEqual(arrivals[0]);
  });

  it("delivers nothing while turned off, for tests that sign their own payloads", async () => {
    const { sandbox, receiver } = await setUp();
    await sandbox.post("webhooks", { enabled: false });
    const customer = await sandbox.stripe.customers.create({ email: "quiet@example.com" });
    const [event] = (await sandbox.stripe.events.list({ type: "customer.created" })).data;
    expect(event.pending_webhooks).toBe(0);
    expect((event.data.object as Stripe.Customer).id).toBe(customer.id);
    await new Promise((done) => setTimeout(done, 100));
    expect(receiver.received).toHaveLength(0);
  });

  it("signs exactly like Stripe's own test header helper", async () => {
    const { sandbox } = await setUp();
    const payload = JSON.stringify({ id: "evt_1", object: "event" });
    const timestamp = 1_800_000_000;
    const expected = sandbox.stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET, timestamp });
    expect(signatureHeader(payload, WEBHOOK_SECRET, timestamp)).toBe(expected);
  });
});
