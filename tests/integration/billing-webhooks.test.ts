// Stripe webhooks against an in-process Stripe sandbox (its own delivery turned off): real events, signed with
// stripe.webhooks.generateTestHeaderString, applied by the dispatcher to a real database.
import { and, eq, inArray, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, type RunnerTask } from "vitest";
import {
  creatorCredits,
  creatorStripeAccounts,
  creditPeriods,
  emailOutbox,
  invoices,
  payouts,
  processedStripeEvents,
  subscriptions,
  users,
} from "@/db/schema";
import { createPortalUrl } from "@/lib/billing/portal";
import { applyCustomerSnapshot, fetchCustomerSnapshot } from "@/lib/billing/sync";
import { HANDLERS } from "@/lib/billing/webhooks/dispatch";
import { recordCopy } from "@/lib/copies/record-copy";
import { getEntitlement } from "@/lib/entitlements";
import { createTestDb, type TestDb } from "../helpers/db";
import { isRaceTest, raceIt } from "../helpers/race";
import { makeUser } from "../helpers/world";
import { WEBHOOK_SECRET, startTestSandbox, submitForm, type TestSandbox } from "../sandbox/helpers";
import {
  DAY,
  Deliverer,
  THREE_D_SECURE,
  VISA,
  creditCents,
  eventsFor,
  faultyDb,
  faultyStripe,
  payingSubscriber,
  sandboxBilling,
  shuffle,
  signed,
  storedBilling,
  subscribe,
  webhookTables,
  type Subscriber,
} from "./billing-support";

let t: TestDb;
let sandbox: TestSandbox;
let send: Deliverer;

beforeAll(async () => {
  sandbox = await startTestSandbox(); // webhook delivery off: the tests deliver, signed, themselves
  // getStripe() and billingConfig() read the environment once, on first use: the app's billing code uses this sandbox.
  delete process.env.STRIPE_SECRET_KEY;
  process.env.STRIPE_SANDBOX_URL = sandbox.url;
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
  t = await createTestDb();
  // The route asks getDb() for the app's database (db/index.ts keeps it on globalThis): this file's test database.
  (globalThis as Record<symbol, unknown>)[Symbol.for("flowtab.db")] = Promise.resolve({ db: t.db, driver: t.driver });
  send = new Deliverer(() => t.db, sandbox.stripe);
});
afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("flowtab.db")];
  await t?.close();
  await sandbox?.close();
});

const portal = async (customerId: string, action: string, fields: Record<string, string>) => {
  const response = await submitForm(`${await createPortalUrl(customerId)}/${action}`, fields);
  expect(response.status, await response.clone().text()).toBe(303);
};
const subscriptionRow = async (s: Subscriber) =>
  (await t.db.select().from(subscriptions).where(eq(subscriptions.stripeSubscriptionId, s.subscriptionId)))[0]!;
const emailsTo = (email: string) => t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
const eventsOf = async (type: string, objectId: string) =>
  (await sandbox.stripe.events.list({ type, limit: 100 })).data.filter(
    (e) => (e.data.object as { id: string }).id === objectId,
  );

describe("POST /api/webhooks/stripe", () => {
  // The route opens the app's own database: the first call migrates and seeds a fresh PGlite directory.
  it(
    "answers a bad signature with 400 and writes nothing; a good one is applied once",
    { timeout: 120_000 },
    async () => {
      const { POST } = await import("@/app/api/webhooks/stripe/route");
      const { getDb } = await import("@/db");
      const db = await getDb();
      const s = await subscribe(t.db, sandbox, "Route Rita", { trial: true });
      const [event] = (await eventsFor(sandbox, s.customerId)).filter((e) => e.type === "checkout.session.completed");
      const post = (payload: string, header: string | null) =>
        POST(
          new Request("http://localhost/api/webhooks/stripe", {
            method: "POST",
            body: payload,
            headers: header ? { "stripe-signature": header } : {},
          }),
        );
      const count = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(processedStripeEvents))[0]!.n;
      const before = await count();

      const good = signed(event!);
      const wrongSecret = signed(event!, "whsec_someone_else");
      const tampered = good.payload.replace(event!.id, "evt_forged000000000000000");
      for (const [payload, header] of [
        [good.payload, wrongSecret.header],
        [tampered, good.header],
        [good.payload, null],
        [good.payload, "t=1,v1=deadbeef"],
      ] as const) {
        const response = await post(payload, header);
        expect(response.status).toBe(400);
        expect((await response.json()).error.code).toBe("bad_request");
      }
      expect(await count()).toBe(before);

      const ok = await post(good.payload, good.header);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ received: true, outcome: "applied" });
      const again = await post(good.payload, signed(event!).header);
      expect(await again.json()).toEqual({ received: true, outcome: "duplicate" });
      expect(await count()).toBe(before + 1);
    },
  );
});

describe("every handled event type is applied from Stripe's current state", () => {
  it("a trial's life: checkout, trial_will_end, pause, resume, failed renewal, card fixed, cancel", async () => {
    const s = await subscribe(t.db, sandbox, "Tess Trial", { trial: true });
    await send.deliverPending(sandbox, s.customerId);
    expect(await subscriptionRow(s)).toMatchObject({ status: "trialing", cancelAtPeriodEnd: false });
    const [user] = await t.db.select().from(users).where(eq(users.id, s.userId));
    expect(user!.trialUsedAt).not.toBeNull();
    expect(await getEntitlement(t.db, { userId: s.userId })).toMatchObject({
      premiumAccess: true,
      plan: { id: "trial" },
    });
    const [trialInvoice] = await t.db.select().from(invoices).where(eq(invoices.tenantId, s.tenantId));
    expect(trialInvoice).toMatchObject({ status: "paid", amountDueCents: 0, amountPaidCents: 0 });

    // trial_will_end comes 3 days before the end: one mail to the owner, dated from Stripe's trial_end.
    await sandbox.post("clock/advance", { seconds: 4 * DAY + 3600 });
    await send.deliverPending(sandbox, s.customerId);
    const trialEnd = (await sandbox.stripe.subscriptions.retrieve(s.subscriptionId)).trial_end!;
    const [trialMail, ...moreTrialMails] = await emailsTo(s.email);
    expect(moreTrialMails).toEqual([]);
    expect(trialMail).toMatchObject({ kind: "trial_ending", subject: "Your Flowtab trial ends in 3 days" });
    expect(trialMail!.textBody).toContain(new Date(trialEnd * 1000).toUTCString().slice(0, 16));

    // No card at the trial's end: paused, and the paywall is back.
    await sandbox.post(`subscriptions/${s.subscriptionId}/end-trial`);
    await send.deliverPending(sandbox, s.customerId);
    expect((await subscriptionRow(s)).status).toBe("paused");
    expect((await getEntitlement(t.db, { userId: s.userId })).premiumAccess).toBe(false);

    // A card and "Resume" in the portal: a new paid period.
    await portal(s.customerId, "card", VISA);
    await portal(s.customerId, "resume", { subscription: s.subscriptionId });
    await send.deliverPending(sandbox, s.customerId);
    expect((await subscriptionRow(s)).status).toBe("active");
    expect(await getEntitlement(t.db, { userId: s.userId })).toMatchObject({
      premiumAccess: true,
      plan: { id: "premium" },
    });

    // The next renewal fails: past_due keeps access (grace) and mails the owner once.
    await sandbox.post(`subscriptions/${s.subscriptionId}/fail-next-renewal`);
    await sandbox.post(`subscriptions/${s.subscriptionId}/end-period`);
    await send.deliverPending(sandbox, s.customerId);
    expect((await subscriptionRow(s)).status).toBe("past_due");
    expect(await getEntitlement(t.db, { userId: s.userId })).toMatchObject({
      premiumAccess: true,
      inGracePeriod: true,
    });
    expect((await emailsTo(s.email)).filter((m) => m.kind === "payment_failed")).toHaveLength(1);

    // A new card in the portal pays the open invoice.
    await portal(s.customerId, "card", VISA);
    await send.deliverPending(sandbox, s.customerId);
    expect((await subscriptionRow(s)).status).toBe("active");

    // Cancel in the portal: access until the period ends, then canceled.
    await portal(s.customerId, "cancel", { subscription: s.subscriptionId });
    await send.deliverPending(sandbox, s.customerId);
    expect(await subscriptionRow(s)).toMatchObject({ status: "active", cancelAtPeriodEnd: true });
    expect((await getEntitlement(t.db, { userId: s.userId })).premiumAccess).toBe(true);
    await sandbox.post(`subscriptions/${s.subscriptionId}/end-period`);
    await send.deliverPending(sandbox, s.customerId);
    expect(await subscriptionRow(s)).toMatchObject({ status: "canceled" });
    expect((await subscriptionRow(s)).endedAt).not.toBeNull();
    expect((await getEntitlement(t.db, { userId: s.userId })).premiumAccess).toBe(false);

    expect(await storedBilling(t.db, s.customerId)).toEqual(await sandboxBilling(sandbox.stripe, s.customerId));
    expect((await emailsTo(s.email)).map((m) => m.kind).sort()).toEqual(["payment_failed", "trial_ending"]);
  });

  it("a renewal that needs 3-D Secure: invoice.payment_action_required mails the owner", async () => {
    const s = await subscribe(t.db, sandbox, "Sandra Secure", { trial: false, card: THREE_D_SECURE });
    await send.deliverPending(sandbox, s.customerId);
    expect((await subscriptionRow(s)).status).toBe("active");
    await sandbox.post(`subscriptions/${s.subscriptionId}/end-period`);
    const delivered = await send.deliverPending(sandbox, s.customerId);
    expect(delivered.map((e) => e.type)).toContain("invoice.payment_action_required");
    expect((await subscriptionRow(s)).status).toBe("past_due");
    expect((await emailsTo(s.email)).map((m) => m.kind)).toEqual(["payment_action_required"]);
  });

  it("Connect: account.updated stores the account, transfer.created pays the payout, transfer.reversed flags it", async () => {
    const { user } = await makeUser(t.db, "Connie Creator");
    const account = await sandbox.stripe.accounts.create({
      type: "express",
      email: user.email,
      metadata: { userId: user.id },
      capabilities: { transfers: { requested: true } },
    });
    const link = await sandbox.stripe.accountLinks.create({
      account: account.id,
      refresh_url: "http://localhost:3000/creator/payouts",
      return_url: "http://localhost:3000/creator/payouts",
      type: "account_onboarding",
    });
    expect(
      (await submitForm(link.url, { name: "Connie Creator", country: "US", bank_account: "000123456789" })).status,
    ).toBe(303);
    for (const event of await eventsOf("account.updated", account.id))
      expect(await send.deliver(event)).toBe("applied");
    const [stored] = await t.db.select().from(creatorStripeAccounts).where(eq(creatorStripeAccounts.userId, user.id));
    expect(stored).toMatchObject({
      stripeAccountId: account.id,
      payoutsEnabled: true,
      transfersCapability: "active",
      requirementsDue: [],
    });

    const [payout] = await t.db
      .insert(payouts)
      .values({ creatorId: user.id, month: "2026-01", amountCents: 1_500, status: "processing" })
      .returning();
    const transfer = await sandbox.stripe.transfers.create({
      amount: 1_500,
      currency: "usd",
      destination: account.id,
      metadata: { payoutId: payout!.id },
    });
    for (const event of await eventsOf("transfer.created", transfer.id))
      expect(await send.deliver(event)).toBe("applied");
    const [paid] = await t.db.select().from(payouts).where(eq(payouts.id, payout!.id));
    expect(paid).toMatchObject({
      status: "paid",
      stripeTransferId: transfer.id,
      amountCents: 1_500,
      needsAdmin: false,
    });

    await sandbox.stripe.transfers.createReversal(transfer.id);
    for (const event of await eventsOf("transfer.reversed", transfer.id))
      expect(await send.deliver(event)).toBe("applied");
    // Reversed in full: the creator was not paid after all; the payout is owed again, for an admin to retry.
    expect((await t.db.select().from(payouts).where(eq(payouts.id, payout!.id)))[0]).toMatchObject({
      status: "failed",
      needsAdmin: true,
      paidAt: null,
    });
  });

  it("acknowledges types it does not handle without recording them", async () => {
    const s = await subscribe(t.db, sandbox, "Una Unknown", { trial: true });
    const unhandled = (await eventsFor(sandbox, s.customerId)).filter((e) => !(e.type in HANDLERS));
    expect(unhandled.map((e) => e.type)).toContain("customer.created");
    for (const event of unhandled) expect(await send.deliver(event)).toBe("ignored");
    const made_up = {
      ...unhandled[0]!,
      id: "evt_madeup000000000000000",
      type: "radar.early_fraud_warning.created",
    } as Stripe.Event;
    expect(await send.deliver(made_up)).toBe("ignored");
    const recorded = await t.db
      .select()
      .from(processedStripeEvents)
      .where(inArray(processedStripeEvents.id, [...unhandled.map((e) => e.id), made_up.id]));
    expect(recorded).toEqual([]);
  });
});

describe("exactly once, in any order", () => {
  /** A subscriber whose renewal just failed: the invoice.payment_failed and subscription.updated not yet delivered. */
  async function failedRenewal(name: string) {
    const s = await subscribe(t.db, sandbox, name, { trial: false, card: VISA });
    await send.deliverPending(sandbox, s.customerId);
    await sandbox.post(`subscriptions/${s.subscriptionId}/fail-next-renewal`);
    await sandbox.post(`subscriptions/${s.subscriptionId}/end-period`);
    const events = await send.pending(sandbox, s.customerId);
    const failed = events.find((e) => e.type === "invoice.payment_failed")!;
    const updated = events.find((e) => e.type === "customer.subscription.updated")!;
    return { s, failed, updated };
  }

  it("the same event five times, one after another, has one effect", async () => {
    const { s, failed, updated } = await failedRenewal("Dee Duplicate");
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await send.deliver(failed));
    for (let i = 0; i < 5; i++) outcomes.push(await send.deliver(updated));
    expect(outcomes).toEqual([
      "applied",
      "duplicate",
      "duplicate",
      "duplicate",
      "duplicate",
      "applied",
      "duplicate",
      "duplicate",
      "duplicate",
      "duplicate",
    ]);
    expect(await emailsTo(s.email)).toHaveLength(1);
    const recorded = await t.db
      .select()
      .from(processedStripeEvents)
      .where(inArray(processedStripeEvents.id, [failed.id, updated.id]));
    expect(recorded).toHaveLength(2);
    expect((await subscriptionRow(s)).status).toBe("past_due");
  });

  raceIt("the same event five times at once has one effect", async () => {
    const { s, failed, updated } = await failedRenewal("Dot Duplicate");
    const atOnce = await Promise.all([
      ...Array.from({ length: 5 }, () => send.deliver(failed)),
      ...Array.from({ length: 5 }, () => send.deliver(updated)),
    ]);
    expect(atOnce.slice(0, 5).filter((o) => o === "applied")).toHaveLength(1);
    expect(atOnce.slice(5).filter((o) => o === "applied")).toHaveLength(1);
    expect(atOnce.filter((o) => o === "duplicate")).toHaveLength(8);
    expect(await emailsTo(s.email)).toHaveLength(1);
    const recorded = await t.db
      .select()
      .from(processedStripeEvents)
      .where(inArray(processedStripeEvents.id, [failed.id, updated.id]));
    expect(recorded).toHaveLength(2);
    expect((await subscriptionRow(s)).status).toBe("past_due");
  });

  /** A full life with every kind of change, whose events are then replayed in other orders. */
  async function eventfulLife(name: string, after: (s: Subscriber) => Promise<void> = async () => {}) {
    const s = await subscribe(t.db, sandbox, name, { trial: true });
    const between = () => after(s);
    await between();
    await portal(s.customerId, "card", VISA);
    await between();
    await sandbox.post(`subscriptions/${s.subscriptionId}/end-trial`); // with a card: the first paid period
    await between();
    await sandbox.post(`subscriptions/${s.subscriptionId}/fail-next-renewal`);
    await sandbox.post(`subscriptions/${s.subscriptionId}/end-period`);
    await between();
    await portal(s.customerId, "card", VISA);
    await between();
    await portal(s.customerId, "cancel", { subscription: s.subscriptionId });
    await between();
    await sandbox.post(`subscriptions/${s.subscriptionId}/end-period`);
    await between();
    return s;
  }

  /** Forgets what the database knows of this customer, as if no webhook had arrived yet. */
  async function forget(s: Subscriber, eventIds: string[]) {
    await t.db.delete(processedStripeEvents).where(inArray(processedStripeEvents.id, eventIds));
    const subscriptionIds = (
      await t.db.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.tenantId, s.tenantId))
    ).map((r) => r.id);
    if (subscriptionIds.length > 0) {
      await t.db.delete(creditPeriods).where(inArray(creditPeriods.subscriptionId, subscriptionIds));
    }
    await t.db.delete(invoices).where(eq(invoices.tenantId, s.tenantId));
    await t.db.delete(subscriptions).where(eq(subscriptions.tenantId, s.tenantId));
    await t.db.delete(emailOutbox).where(eq(emailOutbox.toAddress, s.email));
    await t.db.update(users).set({ trialUsedAt: null }).where(eq(users.id, s.userId));
  }

  it("shuffled and duplicated sequences end in the sandbox's state", async () => {
    const s = await eventfulLife("Shuffle Sam");
    const events = await eventsFor(sandbox, s.customerId);
    const handled = events.filter((e) => e.type in HANDLERS);
    const types = new Set(handled.map((e) => e.type));
    for (const type of [
      "checkout.session.completed",
      "customer.subscription.created",
      "customer.subscription.deleted",
      "invoice.paid",
      "invoice.payment_failed",
    ]) {
      expect(types).toContain(type);
    }
    const expected = await sandboxBilling(sandbox.stripe, s.customerId);
    expect(expected.subscriptions[0]).toMatchObject({ status: "canceled" });
    const first = (type: string) => events.filter((e) => e.type === type);
    const moveToFront = (...picked: Stripe.Event[]) => [...picked, ...events.filter((e) => !picked.includes(e))];

    const orders: [string, Stripe.Event[]][] = [
      ["as they happened", events],
      ["newest first", [...events].reverse()],
      [
        "deleted before created",
        moveToFront(...first("customer.subscription.deleted"), ...first("customer.subscription.created")),
      ],
      [
        "updated before created",
        moveToFront(...first("customer.subscription.updated"), ...first("customer.subscription.created")),
      ],
      [
        "invoice.paid before checkout.session.completed",
        moveToFront(...first("invoice.paid"), ...first("checkout.session.completed")),
      ],
      ...[1, 2, 3, 4, 5].map((seed): [string, Stripe.Event[]] => [
        `shuffle #${seed} with duplicates`,
        shuffle(
          events.flatMap((e, i) => Array.from({ length: 1 + ((i * seed) % 3) }, () => e)),
          seed,
        ),
      ]),
    ];
    for (const [label, order] of orders) {
      await forget(
        s,
        events.map((e) => e.id),
      );
      const outcomes = [];
      for (const event of order) outcomes.push(await send.deliver(event));
      expect(await storedBilling(t.db, s.customerId), label).toEqual(expected);
      expect(
        outcomes.filter((o) => o === "applied"),
        label,
      ).toHaveLength(handled.length);
      // The failed payment was settled before any of these deliveries: a late payment_failed mails nobody.
      expect(await emailsTo(s.email), label).toEqual([]);
    }
  }, 300_000); // ten replays of a whole subscription life: minutes on a busy machine

  it("events delivered while things happen, late, shuffled and twice, converge on the sandbox's state", async () => {
    let seed = 7;
    const held = new Map<string, Stripe.Event>();
    const s = await eventfulLife("Ivy Interleaved", async (s) => {
      // After each change: half of what is known so far, shuffled, a couple of them twice; the rest waits.
      for (const event of await eventsFor(sandbox, s.customerId)) if (!held.has(event.id)) held.set(event.id, event);
      const batch = shuffle([...held.values()], seed++).slice(0, Math.ceil(held.size / 2));
      for (const event of [...batch, ...batch.slice(0, 2)]) await send.deliver(event);
    });
    for (const event of shuffle([...held.values()], 99)) await send.deliver(event);
    expect(await storedBilling(t.db, s.customerId)).toEqual(await sandboxBilling(sandbox.stripe, s.customerId));
  });

  it("a snapshot fetched before a newer one but applied after it moves nothing back", async () => {
    const s = await subscribe(t.db, sandbox, "Stella Stale", { trial: false, card: VISA });
    await sandbox.post(`subscriptions/${s.subscriptionId}/fail-next-renewal`);
    await sandbox.post(`subscriptions/${s.subscriptionId}/end-period`);
    const stale = await fetchCustomerSnapshot(s.customerId, sandbox.stripe);
    await portal(s.customerId, "card", VISA);
    const fresh = await fetchCustomerSnapshot(s.customerId, sandbox.stripe);
    await t.db.transaction((tx) => applyCustomerSnapshot(tx, fresh));
    await t.db.transaction((tx) => applyCustomerSnapshot(tx, stale));
    expect(await storedBilling(t.db, s.customerId)).toEqual(await sandboxBilling(sandbox.stripe, s.customerId));
    expect((await subscriptionRow(s)).status).toBe("active");
  });

  it("an invoice settles its subscription line's period, not the period of a proration listed before it", async () => {
    const s = await subscribe(t.db, sandbox, "Pete Proration", { trial: false, card: VISA });
    const item = (await sandbox.stripe.subscriptions.retrieve(s.subscriptionId)).items.data[0]!;
    await sandbox.stripe.subscriptions.update(s.subscriptionId, { items: [{ id: item.id, quantity: 2 }] });
    await sandbox.post(`subscriptions/${s.subscriptionId}/end-period`);
    await send.deliverPending(sandbox, s.customerId);
    const row = await subscriptionRow(s);
    expect(row).toMatchObject({ status: "active", quantity: 2 });
    const renewal = (await t.db.select().from(invoices).where(eq(invoices.subscriptionId, row.id))).find(
      (i) => i.amountDueCents !== 1000,
    );
    expect(renewal).toMatchObject({
      status: "paid",
      periodStart: row.currentPeriodStart,
      periodEnd: row.currentPeriodEnd,
    });
  });
});

describe("a failure in the middle of a delivery", () => {
  /** Fails the delivery at each of its statements in turn: each time nothing is written; then it succeeds. */
  async function expectAtomic(event: Stripe.Event) {
    let failures = 0;
    for (let failAt = 1; failAt < 100; failAt++) {
      const before = await webhookTables(t.db);
      const faulty = faultyDb(t.db, failAt);
      try {
        expect(await send.deliver(event, sandbox.stripe, faulty.db)).toBe("applied");
        expect(faulty.count()).toBe(failAt - 1);
        return failures;
      } catch (error) {
        expect(String(error)).toContain("injected failure");
        expect(await webhookTables(t.db), `after a failure at statement ${failAt}`).toEqual(before);
        failures++;
      }
    }
    throw new Error("the delivery never succeeded");
  }

  it("at any statement leaves nothing half-written, and the redelivery succeeds", async () => {
    const s = await subscribe(t.db, sandbox, "Fay Faulty", { trial: true });
    const events = await eventsFor(sandbox, s.customerId);
    const completed = events.find((e) => e.type === "checkout.session.completed")!;
    expect(await expectAtomic(completed)).toBeGreaterThan(4);
    expect(await subscriptionRow(s)).toMatchObject({ status: "trialing" });
    expect((await t.db.select().from(users).where(eq(users.id, s.userId)))[0]!.trialUsedAt).not.toBeNull();
    expect(await send.deliver(completed)).toBe("duplicate");

    // With credits and a mail at stake: the failed renewal of a paying subscriber with pending credits.
    const { payer } = await payingSubscriberWithCopies("Fred Faulty", 3);
    await sandbox.post(`subscriptions/${payer.subscriptionId}/fail-next-renewal`);
    await sandbox.post(`subscriptions/${payer.subscriptionId}/end-period`);
    const failed = (await send.pending(sandbox, payer.customerId)).find((e) => e.type === "invoice.payment_failed")!;
    expect(await expectAtomic(failed)).toBeGreaterThan(4);
    expect((await emailsTo(payer.email)).map((m) => m.kind)).toEqual(["payment_failed"]);
    expect((await subscriptionRow(payer)).status).toBe("past_due");
    // The first month was paid in advance: its credits were earned at once and stay so, once.
    expect(await creditCents(t.db, payer.userId)).toEqual({ earned: 21 });
  });

  it("a Stripe call that fails leaves nothing written, and the redelivery succeeds", async () => {
    const s = await subscribe(t.db, sandbox, "Stan Socket", { trial: true });
    const completed = (await eventsFor(sandbox, s.customerId)).find((e) => e.type === "checkout.session.completed")!;
    for (const [resource, method] of [
      ["invoices", "list"],
      ["subscriptions", "list"],
    ] as const) {
      const before = await webhookTables(t.db);
      await expect(send.deliver(completed, faultyStripe(sandbox.stripe, resource, method))).rejects.toThrow(
        /socket hang up/,
      );
      expect(await webhookTables(t.db)).toEqual(before);
    }
    expect(await send.deliver(completed)).toBe("applied");
    expect((await subscriptionRow(s)).status).toBe("trialing");
  });
});

const payingSubscriberWithCopies = (name: string, copies: number) =>
  payingSubscriber({ db: t.db, sandbox, send }, name, copies);

/** Copies at the sandbox's time (earlier tests move its clock), one a second. */
async function copyInCurrentPeriod(payer: Subscriber, slugs: string[]) {
  const { now } = await sandbox.get<{ now: number }>("now");
  for (const [i, slug] of slugs.entries()) {
    await recordCopy(t.db, { userId: payer.userId, slug, source: "web", now: new Date((now + i) * 1000) });
  }
}

/** Marks one of the subscriber's earned credits paid out by a (paid) payout, as the payout run would. */
async function payOutOneCredit(payer: Subscriber, creatorId: string) {
  const [payout] = await t.db
    .insert(payouts)
    .values({
      creatorId,
      month: "2026-02",
      amountCents: 7,
      status: "paid",
      stripeTransferId: `tr_test_${Math.random().toString(36).slice(2)}`,
      paidAt: new Date(),
    })
    .returning();
  const [credit] = await t.db
    .select()
    .from(creatorCredits)
    .where(and(eq(creatorCredits.subscriberId, payer.userId), eq(creatorCredits.status, "earned")))
    .limit(1);
  await t.db
    .update(creatorCredits)
    .set({ status: "paid_out", payoutId: payout!.id })
    .where(eq(creatorCredits.id, credit!.id));
  return { payoutId: payout!.id, creditId: credit!.id };
}

describe("creator credits follow the invoice that paid their period (exact cents)", () => {
  it("copies after invoice.paid are earned at once; a renewal paid late earns its pending credits on invoice.paid", async () => {
    const { payer, slugs } = await payingSubscriberWithCopies("Paula Paid", 3);
    expect(await creditCents(t.db, payer.userId)).toEqual({ earned: 21 }); // 3 x $0.07
    const [invoice] = await t.db.select().from(invoices).where(eq(invoices.tenantId, payer.tenantId));
    const credits = await t.db.select().from(creatorCredits).where(eq(creatorCredits.subscriberId, payer.userId));
    expect(new Set(credits.map((c) => c.invoiceId))).toEqual(new Set([invoice!.id]));

    await sandbox.post(`subscriptions/${payer.subscriptionId}/fail-next-renewal`);
    await sandbox.post(`subscriptions/${payer.subscriptionId}/end-period`);
    await send.deliverPending(sandbox, payer.customerId);
    await copyInCurrentPeriod(payer, slugs.slice(3, 5));
    expect(await creditCents(t.db, payer.userId)).toEqual({ earned: 21, pending: 14 });
    await portal(payer.customerId, "card", VISA);
    const delivered = await send.deliverPending(sandbox, payer.customerId);
    expect(delivered.map((e) => e.type)).toContain("invoice.paid");
    expect(await creditCents(t.db, payer.userId)).toEqual({ earned: 35 });
  });

  for (const [label, settle] of [
    ["voided", (id: string) => sandbox.stripe.invoices.voidInvoice(id)],
    ["marked uncollectible", (id: string) => sandbox.stripe.invoices.markUncollectible(id)],
  ] as const) {
    it(`an unpaid renewal ${label}: its period's pending credits -> void; the paid period keeps its own`, async () => {
      const { payer, slugs } = await payingSubscriberWithCopies(`Vic ${label}`, 2);
      await send.deliverPending(sandbox, payer.customerId);
      expect(await creditCents(t.db, payer.userId)).toEqual({ earned: 14 });
      await sandbox.post(`subscriptions/${payer.subscriptionId}/fail-next-renewal`);
      await sandbox.post(`subscriptions/${payer.subscriptionId}/end-period`);
      await send.deliverPending(sandbox, payer.customerId);
      expect((await subscriptionRow(payer)).status).toBe("past_due");
      await copyInCurrentPeriod(payer, slugs.slice(2, 5)); // past_due still copies; these credits wait for payment
      expect(await creditCents(t.db, payer.userId)).toEqual({ earned: 14, pending: 21 });

      const open = (await sandbox.stripe.invoices.list({ customer: payer.customerId, status: "open" })).data[0]!;
      await settle(open.id!);
      const delivered = await send.deliverPending(sandbox, payer.customerId);
      expect(delivered.map((e) => e.type)).toContain(
        label === "voided" ? "invoice.voided" : "invoice.marked_uncollectible",
      );
      expect(await creditCents(t.db, payer.userId)).toEqual({ earned: 14, void: 21 });
    });
  }

  it("a refund reverses the period's credits; one already paid out stays linked to its payout", async () => {
    const { payer, creator } = await payingSubscriberWithCopies("Rory Refund", 3);
    await send.deliverPending(sandbox, payer.customerId);
    const { payoutId, creditId } = await payOutOneCredit(payer, creator.user.id);
    expect(await creditCents(t.db, payer.userId)).toEqual({ earned: 14, paid_out: 7 });

    await sandbox.post("charges/last/refund", { customer: payer.customerId });
    const delivered = await send.deliverPending(sandbox, payer.customerId);
    expect(delivered.map((e) => e.type)).toContain("charge.refunded");
    expect(await creditCents(t.db, payer.userId)).toEqual({ reversed: 21 });
    const [paidOut] = await t.db.select().from(creatorCredits).where(eq(creatorCredits.id, creditId));
    expect(paidOut).toMatchObject({ status: "reversed", payoutId, deductedInPayoutId: null });
    expect(paidOut!.reversedAt).not.toBeNull();
    const [invoice] = await t.db.select().from(invoices).where(eq(invoices.tenantId, payer.tenantId));
    expect(invoice).toMatchObject({ status: "paid", amountPaidCents: 1000, amountRefundedCents: 1000 });
  });

  it("a dispute reverses them; won, they are restored (the paid-out one to paid_out); lost, they stay reversed", async () => {
    const { payer, creator } = await payingSubscriberWithCopies("Dora Dispute", 3);
    await send.deliverPending(sandbox, payer.customerId);
    const { payoutId, creditId } = await payOutOneCredit(payer, creator.user.id);

    const dispute = await sandbox.post<Stripe.Dispute>("charges/last/dispute", { customer: payer.customerId });
    expect((await send.deliverPending(sandbox, payer.customerId)).map((e) => e.type)).toContain(
      "charge.dispute.created",
    );
    expect(await creditCents(t.db, payer.userId)).toEqual({ reversed: 21 });
    expect((await t.db.select().from(invoices).where(eq(invoices.tenantId, payer.tenantId)))[0]).toMatchObject({
      disputed: true,
    });

    await sandbox.post(`disputes/${dispute.id}/close`, { status: "won" });
    expect((await send.deliverPending(sandbox, payer.customerId)).map((e) => e.type)).toContain(
      "charge.dispute.closed",
    );
    expect(await creditCents(t.db, payer.userId)).toEqual({ earned: 14, paid_out: 7 });
    expect((await t.db.select().from(creatorCredits).where(eq(creatorCredits.id, creditId)))[0]).toMatchObject({
      status: "paid_out",
      payoutId,
    });
    expect((await t.db.select().from(invoices).where(eq(invoices.tenantId, payer.tenantId)))[0]).toMatchObject({
      disputed: false,
    });

    const loser = await payingSubscriberWithCopies("Larry Lost", 2);
    await send.deliverPending(sandbox, loser.payer.customerId);
    const lost = await sandbox.post<Stripe.Dispute>("charges/last/dispute", { customer: loser.payer.customerId });
    await sandbox.post(`disputes/${lost.id}/close`, { status: "lost" });
    await send.deliverPending(sandbox, loser.payer.customerId);
    expect(await creditCents(t.db, loser.payer.userId)).toEqual({ reversed: 14 });
  });
});

// Every event type the dispatcher handles was applied by some test above. Checked after the file, not as a test,
// so no test depends on running last; skipped (with a notice) when a filter left some tests out.
// Vitest passes the file second; the first parameter must be a destructuring pattern.
afterAll(({}, file) => {
  const tests: RunnerTask[] = [];
  const walk = (task: RunnerTask) => {
    if (task.type === "test") tests.push(task);
    if (task.type === "suite") for (const child of task.tasks) walk(child);
  };
  walk(file);
  const leftOut = tests.filter((test) => test.mode !== "run" && !isRaceTest(test.name));
  if (leftOut.length > 0) {
    console.warn(`NOTICE: dispatcher coverage not checked: ${leftOut.length} tests of this file did not run.`);
    return;
  }
  const applied = new Set(send.outcomes.filter((o) => o.outcome === "applied").map((o) => o.type));
  expect([...applied].sort()).toEqual(Object.keys(HANDLERS).sort());
});
