// The seeded subscriptions (sub_seed_*) exist in the Stripe sandbox after the app's boot-time import, so syncing
// from "Stripe" keeps every seeded account as the seed wrote it.
import { asc, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/db/seed";
import { creatorCredits, invoices, subscriptions, tenants, users } from "@/db/schema";
import { createPortalUrl } from "@/lib/billing/portal";
import { importSeededBillingIntoSandbox, sandboxImportPayload } from "@/lib/billing/sandbox-import";
import { syncSubscriptionFromStripe } from "@/lib/billing/sync";
import { getEntitlement } from "@/lib/entitlements";
import { createTestDb, type TestDb } from "../helpers/db";
import { WEBHOOK_SECRET, startTestSandbox, type TestSandbox } from "../sandbox/helpers";

let t: TestDb;
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  // getStripe() reads the environment once, on first use: point the app's billing code at this sandbox first.
  delete process.env.STRIPE_SECRET_KEY;
  process.env.STRIPE_SANDBOX_URL = sandbox.url;
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
  t = await createTestDb();
  await seedDatabase(t.db);
});
afterAll(async () => {
  await t?.close();
  await sandbox?.close();
});

/** Our billing rows for the seeded subscriptions, without the bookkeeping a sync legitimately touches. */
async function seededBilling() {
  const subs = await t.db
    .select()
    .from(subscriptions)
    .where(like(subscriptions.stripeSubscriptionId, "sub_seed_%"))
    .orderBy(asc(subscriptions.stripeSubscriptionId));
  const invoiceRows = await t.db.select().from(invoices).orderBy(asc(invoices.stripeInvoiceId));
  const credits = await t.db
    .select({
      status: creatorCredits.status,
      n: sql<number>`count(*)::int`,
      cents: sql<number>`sum(${creatorCredits.amountCents})::int`,
    })
    .from(creatorCredits)
    .groupBy(creatorCredits.status)
    .orderBy(creatorCredits.status);
  const trialUsed = await t.db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(sql`${users.trialUsedAt} is not null`);
  return {
    subscriptions: subs.map(({ stripeSyncedAt: _synced, updatedAt: _updated, ...rest }) => rest),
    invoices: invoiceRows.map(({ updatedAt: _updated, ...rest }) => rest),
    credits,
    trialUsed,
  };
}

describe("seeded billing in the Stripe sandbox", () => {
  it("imports every seeded subscription with the same ids, price, quantity, status and period (seconds)", async () => {
    const result = await importSeededBillingIntoSandbox(t.db, { url: sandbox.url });
    const seeded = await t.db
      .select()
      .from(subscriptions)
      .where(like(subscriptions.stripeSubscriptionId, "sub_seed_%"));
    expect(seeded.length).toBeGreaterThan(1);
    expect(result!.subscriptions.created.sort()).toEqual(seeded.map((s) => s.stripeSubscriptionId).sort());
    expect(result!.customers.created).toHaveLength(new Set(seeded.map((s) => s.stripeCustomerId)).size);

    const [row] = seeded.filter((s) => s.stripeSubscriptionId === "sub_seed_subscriber");
    const remote = await sandbox.stripe.subscriptions.retrieve("sub_seed_subscriber");
    expect(remote).toMatchObject({ status: "active", customer: "cus_seed_subscriber", cancel_at_period_end: false });
    expect(remote.items.data[0]).toMatchObject({
      quantity: 1,
      current_period_start: row!.currentPeriodStart.getTime() / 1000,
      current_period_end: row!.currentPeriodEnd.getTime() / 1000,
    });
    expect(remote.items.data[0].price).toMatchObject({ id: row!.stripePriceId, unit_amount: row!.unitAmountCents });
    const customer = await sandbox.stripe.customers.retrieve("cus_seed_subscriber");
    expect(customer).toMatchObject({ email: "subscriber@flowtab.dev" });
  });

  it("a sync of the demo subscriber changes nothing: still active, same period, same invoices and credits", async () => {
    const [subscriber] = await t.db.select().from(users).where(eq(users.email, "subscriber@flowtab.dev"));
    const before = await seededBilling();
    const entitlementBefore = await getEntitlement(t.db, { userId: subscriber!.id });

    const synced = await syncSubscriptionFromStripe(t.db, "cus_seed_subscriber", sandbox.stripe);
    expect(synced.subscriptions).toBe(1);

    expect(await seededBilling()).toEqual(before);
    const entitlement = await getEntitlement(t.db, { userId: subscriber!.id });
    expect(entitlement).toMatchObject({ premiumAccess: true, plan: { id: "premium" } });
    expect(entitlement.subscription).toMatchObject({
      status: "active",
      currentPeriodStart: entitlementBefore.subscription!.currentPeriodStart,
      currentPeriodEnd: entitlementBefore.subscription!.currentPeriodEnd,
    });
  });

  it("a sync of every seeded customer changes nothing either", async () => {
    const before = await seededBilling();
    const customers = await t.db
      .select({ id: tenants.stripeCustomerId })
      .from(tenants)
      .where(like(tenants.stripeCustomerId, "cus_seed_%"));
    expect(customers.length).toBe(before.subscriptions.length);
    for (const { id } of customers) await syncSubscriptionFromStripe(t.db, id!, sandbox.stripe);
    expect(await seededBilling()).toEqual(before);
  });

  it("is idempotent across restarts: a second import creates nothing and keeps what changed in the sandbox", async () => {
    await sandbox.stripe.subscriptions.update("sub_seed_reader01", { cancel_at_period_end: true });
    const again = await importSeededBillingIntoSandbox(t.db, { url: sandbox.url });
    expect(again!.subscriptions.created).toEqual([]);
    expect(again!.customers.created).toEqual([]);
    expect(again!.subscriptions.existing).toContain("sub_seed_subscriber");
    expect((await sandbox.stripe.subscriptions.retrieve("sub_seed_reader01")).cancel_at_period_end).toBe(true);
  });

  it("the demo subscriber can open the Customer Portal, which needs the customer to exist", async () => {
    const url = await createPortalUrl("cus_seed_subscriber");
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Card on file");
  });

  it("waits for a sandbox that is still starting, and reports one that never answers", async () => {
    await expect(importSeededBillingIntoSandbox(t.db, { url: "http://127.0.0.1:9", waitMs: 300 })).rejects.toThrow(
      /did not answer/,
    );
  });

  it("builds the payload from our rows in whole seconds, one customer per tenant", async () => {
    const rows = await t.db
      .select({ subscription: subscriptions, ownerId: users.id, email: users.email, name: users.name })
      .from(subscriptions)
      .innerJoin(tenants, eq(tenants.id, subscriptions.tenantId))
      .leftJoin(users, eq(users.id, tenants.personalOwnerId))
      .where(eq(subscriptions.stripeSubscriptionId, "sub_seed_subscriber"));
    const payload = sandboxImportPayload(rows);
    expect(payload.customers).toEqual([
      expect.objectContaining({
        id: "cus_seed_subscriber",
        email: "subscriber@flowtab.dev",
        payment_method: "pm_card_visa",
      }),
    ]);
    expect(payload.subscriptions[0]).toMatchObject({
      id: "sub_seed_subscriber",
      status: "active",
      current_period_start: rows[0]!.subscription.currentPeriodStart.getTime() / 1000,
      metadata: { tenantId: rows[0]!.subscription.tenantId, userId: rows[0]!.ownerId },
    });
  });

  it("a renewal in the sandbox continues the seeded period, paid with the demo card (runs last: it moves the clock)", async () => {
    const [before] = await t.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.stripeSubscriptionId, "sub_seed_subscriber"));
    await sandbox.post("clock/next-renewal", { subscription: "sub_seed_subscriber" });
    await syncSubscriptionFromStripe(t.db, "cus_seed_subscriber", sandbox.stripe);
    const [after] = await t.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.stripeSubscriptionId, "sub_seed_subscriber"));
    expect(after).toMatchObject({ status: "active", currentPeriodStart: before!.currentPeriodEnd });
    const periods = await t.db
      .select()
      .from(invoices)
      .where(eq(invoices.subscriptionId, after!.id))
      .orderBy(asc(invoices.periodStart));
    // The seeded invoice of the period that ended (imported, paid in advance), then the renewal's.
    expect(periods.map((i) => ({ status: i.status, paid: i.amountPaidCents, start: i.periodStart }))).toEqual([
      { status: "paid", paid: 1000, start: before!.currentPeriodStart },
      { status: "paid", paid: 1000, start: before!.currentPeriodEnd },
    ]);
  });
});
