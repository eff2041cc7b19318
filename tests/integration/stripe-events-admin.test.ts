// The Stripe events log and an admin's "Re-process", against an in-process Stripe sandbox: real events, delivered
// signed to the real dispatcher, and a real database.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { markStripeEventFailed } from "@/db/queries/stripe-event-log";
import { adminAuditLog, processedStripeEvents, stripeEventLog, subscriptions } from "@/db/schema";
import { reprocessStripeEvent } from "@/lib/billing/webhooks/reprocess";
import { AppError } from "@/lib/errors";
import { createTestDb, type TestDb } from "../helpers/db";
import { makeUser } from "../helpers/world";
import { WEBHOOK_SECRET, startTestSandbox, type TestSandbox } from "../sandbox/helpers";
import { Deliverer, eventsFor, faultyStripe, subscribe } from "./billing-support";

let t: TestDb;
let sandbox: TestSandbox;
let send: Deliverer;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  delete process.env.STRIPE_SECRET_KEY;
  process.env.STRIPE_SANDBOX_URL = sandbox.url;
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
  process.env.PGLITE_DIR ??= join(mkdtempSync(join(tmpdir(), "flowtab-events-admin-")), "pglite");
  t = await createTestDb();
  send = new Deliverer(() => t.db, sandbox.stripe);
});
afterAll(async () => {
  await t?.close();
  await sandbox?.close();
});
beforeEach(async () => t.reset());

const logEntry = async (eventId: string) =>
  (await t.db.select().from(stripeEventLog).where(eq(stripeEventLog.id, eventId)))[0];
const auditEntries = () => t.db.select().from(adminAuditLog).orderBy(adminAuditLog.createdAt);
const processedCount = async () =>
  (await t.db.select({ n: sql<number>`count(*)::int` }).from(processedStripeEvents))[0]!.n;

async function admin() {
  const { user } = await makeUser(t.db, "Ada Admin");
  return { id: user.id, email: user.email };
}

/** A trial checkout, and its checkout.session.completed event (not delivered yet). */
async function checkoutEvent(name: string) {
  const s = await subscribe(t.db, sandbox, name, { trial: true });
  const event = (await eventsFor(sandbox, s.customerId)).find((e) => e.type === "checkout.session.completed")!;
  return { s, event };
}

describe("the Stripe events log", () => {
  it("records a failed delivery with its error, then a successful redelivery as processed", async () => {
    const { s, event } = await checkoutEvent("Lou Log");
    await expect(send.deliver(event, faultyStripe(sandbox.stripe, "subscriptions", "list"))).rejects.toThrow(
      /socket hang up/,
    );
    expect(await logEntry(event.id)).toMatchObject({
      type: "checkout.session.completed",
      status: "failed",
      attempts: 1,
      lastError: "Error: socket hang up (injected)",
      processedAt: null,
    });
    expect(await processedCount()).toBe(0);

    expect(await send.deliver(event)).toBe("applied");
    const applied = await logEntry(event.id);
    expect(applied).toMatchObject({ status: "processed", attempts: 2, lastError: null });
    expect(applied!.processedAt).toBeInstanceOf(Date);

    // A duplicate delivery changes nothing, in the log either.
    expect(await send.deliver(event)).toBe("duplicate");
    expect(await logEntry(event.id)).toEqual(applied);
    expect(await processedCount()).toBe(1);
    expect(
      (await t.db.select().from(subscriptions).where(eq(subscriptions.stripeCustomerId, s.customerId))).length,
    ).toBe(1);
  });

  it("never turns a processed event into a failed one (a late failure of a concurrent delivery)", async () => {
    const { event } = await checkoutEvent("Pat Processed");
    expect(await send.deliver(event)).toBe("applied");
    await markStripeEventFailed(t.db, {
      eventId: event.id,
      type: event.type,
      stripeCreatedAt: new Date(event.created * 1000),
      now: new Date(),
      error: "late failure",
    });
    expect(await logEntry(event.id)).toMatchObject({ status: "processed", lastError: null });
  });

  it("logs event types Flowtab does not act on as ignored", async () => {
    const { s } = await checkoutEvent("Ike Ignored");
    const customerCreated = (await eventsFor(sandbox, s.customerId)).find((e) => e.type === "customer.created");
    expect(customerCreated).toBeDefined();
    expect(await send.deliver(customerCreated!)).toBe("ignored");
    expect(await logEntry(customerCreated!.id)).toMatchObject({ status: "ignored", attempts: 1 });
  });
});

describe("re-processing a failed event", () => {
  it("fetches the event again from Stripe, applies it through the dispatcher, and audits it in that transaction", async () => {
    const actor = await admin();
    const { s, event } = await checkoutEvent("Rae Retry");
    await expect(send.deliver(event, faultyStripe(sandbox.stripe, "invoices", "list"))).rejects.toThrow();
    expect((await logEntry(event.id))?.status).toBe("failed");

    const result = await reprocessStripeEvent(t.db, { eventId: event.id, actor, stripe: sandbox.stripe });
    expect(result).toEqual({ eventId: event.id, type: "checkout.session.completed", outcome: "applied" });
    expect(await logEntry(event.id)).toMatchObject({ status: "processed", attempts: 2, lastError: null });
    const [row] = await t.db.select().from(subscriptions).where(eq(subscriptions.stripeCustomerId, s.customerId));
    expect(row?.status).toBe("trialing");
    expect((await auditEntries()).map((a) => [a.actorEmail, a.action, a.targetType, a.targetId, a.details])).toEqual([
      [
        actor.email,
        "stripe_event.reprocess",
        "stripe_event",
        event.id,
        { type: "checkout.session.completed", outcome: "applied" },
      ],
    ]);

    // It is not failed any more: a second re-process is refused and audits nothing.
    const again = reprocessStripeEvent(t.db, { eventId: event.id, actor, stripe: sandbox.stripe });
    await expect(again).rejects.toMatchObject({ code: "conflict" });
    expect(await auditEntries()).toHaveLength(1);
    // Stripe's own retry arriving later is a duplicate.
    expect(await send.deliver(event)).toBe("duplicate");
    expect(await processedCount()).toBe(1);
  });

  it("a re-processing that fails again keeps the event failed, with the new error, and audits the failure", async () => {
    const actor = await admin();
    const { event } = await checkoutEvent("Fen Fails");
    await expect(send.deliver(event, faultyStripe(sandbox.stripe, "invoices", "list"))).rejects.toThrow();
    const result = await reprocessStripeEvent(t.db, {
      eventId: event.id,
      actor,
      stripe: faultyStripe(sandbox.stripe, "subscriptions", "list"),
    });
    expect(result).toEqual({
      eventId: event.id,
      type: "checkout.session.completed",
      outcome: "failed",
      error: "Error: socket hang up (injected)",
    });
    expect(await logEntry(event.id)).toMatchObject({
      status: "failed",
      attempts: 2,
      lastError: "Error: socket hang up (injected)",
    });
    expect(await processedCount()).toBe(0);
    expect((await auditEntries()).map((a) => a.details)).toEqual([
      { type: "checkout.session.completed", outcome: "failed", error: "Error: socket hang up (injected)" },
    ]);
  });

  it("shares the effect's transaction with the audit entry: an audit write that fails rolls the effect back", async () => {
    // An actor that is not a user: the audit row's foreign key fails inside the transaction of the effect.
    const ghost = { id: "00000000-0000-4000-8000-000000000000", email: "ghost@example.com" };
    const { s, event } = await checkoutEvent("Gus Ghost");
    await expect(send.deliver(event, faultyStripe(sandbox.stripe, "invoices", "list"))).rejects.toThrow();
    const result = await reprocessStripeEvent(t.db, { eventId: event.id, actor: ghost, stripe: sandbox.stripe });
    expect(result).toMatchObject({ outcome: "failed", error: expect.stringMatching(/^Database error: .*foreign key/) });
    expect(await processedCount()).toBe(0);
    expect(await t.db.select().from(subscriptions).where(eq(subscriptions.stripeCustomerId, s.customerId))).toEqual([]);
    expect((await logEntry(event.id))?.status).not.toBe("processed");
    expect(await auditEntries()).toHaveLength(0);
  });

  it("refuses ids that are not in the log or not Stripe event ids, without asking Stripe", async () => {
    const actor = await admin();
    for (const eventId of ["evt_unknown123", "not-an-event", "evt_'; drop table users; --"]) {
      const attempt = reprocessStripeEvent(t.db, { eventId, actor, stripe: sandbox.stripe });
      await expect(attempt).rejects.toBeInstanceOf(AppError);
    }
    expect(await auditEntries()).toHaveLength(0);
  });
});
