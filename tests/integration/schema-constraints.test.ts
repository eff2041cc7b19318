import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { copyEvents, creatorCredits, flows, payouts, subscriptions, tenantMembers, tenants, users } from "@/db/schema";
import { createTestDb, type TestDb } from "../helpers/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

async function makeWorld() {
  const [creator] = await t.db.insert(users).values({ email: "maker@example.com", name: "Maker" }).returning();
  const [reader] = await t.db.insert(users).values({ email: "reader@example.com", name: "Reader" }).returning();
  const [creatorTenant] = await t.db
    .insert(tenants)
    .values({ name: "Maker", kind: "personal", personalOwnerId: creator!.id })
    .returning();
  const [readerTenant] = await t.db
    .insert(tenants)
    .values({ name: "Reader", kind: "personal", personalOwnerId: reader!.id })
    .returning();
  await t.db.insert(tenantMembers).values([
    { tenantId: creatorTenant!.id, userId: creator!.id, role: "owner" },
    { tenantId: readerTenant!.id, userId: reader!.id, role: "owner" },
  ]);
  const [flow] = await t.db
    .insert(flows)
    .values({
      slug: "watch-a-price",
      title: "Watch a price on Amazon",
      summary: "Checks a product page daily.",
      promptText: "secret premium text",
      category: "Shopping",
      status: "published",
      publishedAt: new Date(),
      creatorId: creator!.id,
      tenantId: creatorTenant!.id,
    })
    .returning();
  const periodStart = new Date("2026-11-03T10:00:00Z");
  const periodEnd = new Date("2026-12-03T10:00:00Z");
  const [sub] = await t.db
    .insert(subscriptions)
    .values({
      tenantId: readerTenant!.id,
      stripeSubscriptionId: "sub_test_1",
      stripeCustomerId: "cus_test_1",
      stripePriceId: "price_test",
      status: "active",
      unitAmountCents: 1000,
      currentPeriodStart: periodStart,
      currentPeriodEnd: periodEnd,
      stripeSyncedAt: new Date(),
    })
    .returning();
  return {
    creator: creator!,
    reader: reader!,
    readerTenant: readerTenant!,
    flow: flow!,
    sub: sub!,
    periodStart,
    periodEnd,
  };
}

function copyRow(w: Awaited<ReturnType<typeof makeWorld>>) {
  return {
    userId: w.reader.id,
    tenantId: w.readerTenant.id,
    flowId: w.flow.id,
    creatorId: w.creator.id,
    subscriptionId: w.sub.id,
    periodStart: w.periodStart,
    periodEnd: w.periodEnd,
    countedForPayout: true,
    source: "web" as const,
  };
}

describe("database constraints", () => {
  it("rejects a second copy event for the same user, flow and period", async () => {
    const w = await makeWorld();
    await t.db.insert(copyEvents).values(copyRow(w));
    await expect(t.db.insert(copyEvents).values(copyRow(w))).rejects.toThrow();
    // The next period is a different row.
    await t.db.insert(copyEvents).values({
      ...copyRow(w),
      periodStart: w.periodEnd,
      periodEnd: new Date("2027-01-03T10:00:00Z"),
    });
    const rows = await t.db.select().from(copyEvents);
    expect(rows).toHaveLength(2);
  });

  it("rejects negative or zero credit amounts and unknown statuses", async () => {
    const w = await makeWorld();
    const [copy] = await t.db.insert(copyEvents).values(copyRow(w)).returning();
    const credit = {
      creatorId: w.creator.id,
      copyEventId: copy!.id,
      subscriberId: w.reader.id,
      subscriptionId: w.sub.id,
      periodStart: w.periodStart,
      periodEnd: w.periodEnd,
      amountCents: 7,
    };
    await expect(t.db.insert(creatorCredits).values({ ...credit, amountCents: -7 })).rejects.toThrow();
    await expect(t.db.insert(creatorCredits).values({ ...credit, amountCents: 0 })).rejects.toThrow();
    await expect(
      t.db
        .execute(sql`insert into creator_credits (creator_id, copy_event_id, subscriber_id, subscription_id, period_start, period_end, amount_cents, status)
        values (${w.creator.id}, ${copy!.id}, ${w.reader.id}, ${w.sub.id}, ${w.periodStart}, ${w.periodEnd}, 7, 'bogus')`),
    ).rejects.toThrow();
    await t.db.insert(creatorCredits).values(credit);
    // One credit per copy event.
    await expect(t.db.insert(creatorCredits).values(credit)).rejects.toThrow();
  });

  it("allows one payout per creator and month, with a well-formed month", async () => {
    const w = await makeWorld();
    await t.db.insert(payouts).values({ creatorId: w.creator.id, month: "2026-10", amountCents: 1400 });
    await expect(
      t.db.insert(payouts).values({ creatorId: w.creator.id, month: "2026-10", amountCents: 700 }),
    ).rejects.toThrow();
    await expect(
      t.db.insert(payouts).values({ creatorId: w.creator.id, month: "2026-13", amountCents: 700 }),
    ).rejects.toThrow();
    await expect(
      t.db.insert(payouts).values({ creatorId: w.creator.id, month: "2026-11", amountCents: -1 }),
    ).rejects.toThrow();
  });

  it("keeps emails unique and lower-case", async () => {
    await t.db.insert(users).values({ email: "ann@example.com" });
    await expect(t.db.insert(users).values({ email: "ann@example.com" })).rejects.toThrow();
    await expect(t.db.insert(users).values({ email: "Bob@Example.com" })).rejects.toThrow();
  });

  it("finds flows by weighted full-text search with prefix matching", async () => {
    await makeWorld();
    const rows = await t.db
      .select({ slug: flows.slug })
      .from(flows)
      .where(sql`${flows.searchVector} @@ to_tsquery('english', 'amaz:*')`);
    expect(rows.map((r) => r.slug)).toEqual(["watch-a-price"]);
  });
});
