import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  copyEvents,
  copyPeriodUsage,
  creatorCredits,
  creditPeriods,
  flows,
  invoices,
  payouts,
  subscriptions,
  tenantMembers,
  tenants,
  users,
} from "@/db/schema";
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
    createdAt: new Date(w.periodStart.getTime() + 86_400_000),
  };
}

/** The statement fails on this constraint (or unique index), named in the database's error. */
async function expectViolation(statement: Promise<unknown>, constraint: string) {
  const error = await statement.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${constraint} to reject the statement`).not.toBeNull();
  const messages: string[] = [];
  for (let e = error as { message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    messages.push(String(e.message));
    const named = (e as { constraint?: string; constraint_name?: string }).constraint_name;
    if (named) messages.push(named);
  }
  expect(messages.join(" | ")).toContain(constraint);
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
      createdAt: new Date("2026-12-04T10:00:00Z"),
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

  it("keeps a copy inside its period, and a counted copy on a subscription", async () => {
    const w = await makeWorld();
    await expectViolation(
      t.db.insert(copyEvents).values({ ...copyRow(w), createdAt: w.periodEnd }),
      "copy_events_inside_period",
    );
    await expectViolation(
      t.db.insert(copyEvents).values({ ...copyRow(w), createdAt: new Date(w.periodStart.getTime() - 1) }),
      "copy_events_inside_period",
    );
    await expectViolation(
      t.db.insert(copyEvents).values({ ...copyRow(w), subscriptionId: null }),
      "copy_events_counted_has_subscription",
    );
    await t.db.insert(copyEvents).values({ ...copyRow(w), subscriptionId: null, countedForPayout: false });
  });

  it("holds at most 100 paid copies per user and period", async () => {
    const w = await makeWorld();
    const usage = { userId: w.reader.id, periodStart: w.periodStart, periodEnd: w.periodEnd };
    await expectViolation(
      t.db.insert(copyPeriodUsage).values({ ...usage, copies: 101, paidCopies: 101 }),
      "copy_period_usage_paid_cap",
    );
    await t.db.insert(copyPeriodUsage).values({ ...usage, copies: 150, paidCopies: 100 });
  });

  it("an earned credit has its invoice and time; reversed has a time; a deduction is another payout's", async () => {
    const w = await makeWorld();
    const [copy] = await t.db.insert(copyEvents).values(copyRow(w)).returning();
    const [invoice] = await t.db
      .insert(invoices)
      .values({
        tenantId: w.readerTenant.id,
        subscriptionId: w.sub.id,
        stripeInvoiceId: "in_test_1",
        status: "paid",
        amountDueCents: 1000,
        amountPaidCents: 1000,
        periodStart: w.periodStart,
        periodEnd: w.periodEnd,
        paidAt: w.periodStart,
      })
      .returning();
    const [held, other] = await t.db
      .insert(payouts)
      .values([
        {
          creatorId: w.creator.id,
          month: "2026-10",
          amountCents: 7,
          status: "paid",
          stripeTransferId: "tr_1",
          paidAt: w.periodEnd,
        },
        { creatorId: w.creator.id, month: "2026-11", amountCents: 0, status: "processing" },
      ])
      .returning();
    const credit = {
      creatorId: w.creator.id,
      copyEventId: copy!.id,
      subscriberId: w.reader.id,
      subscriptionId: w.sub.id,
      periodStart: w.periodStart,
      periodEnd: w.periodEnd,
      amountCents: 7,
    };
    await expectViolation(
      t.db.insert(creatorCredits).values({ ...credit, status: "earned", earnedAt: w.periodStart }),
      "creator_credits_earned_has_invoice",
    );
    await expectViolation(
      t.db.insert(creatorCredits).values({ ...credit, status: "paid_out", invoiceId: invoice!.id, payoutId: held!.id }),
      "creator_credits_earned_has_invoice",
    );
    await expectViolation(
      t.db.insert(creatorCredits).values({ ...credit, status: "reversed", invoiceId: invoice!.id }),
      "creator_credits_reversed_has_time",
    );
    const reversed = { ...credit, status: "reversed" as const, reversedAt: w.periodEnd, payoutId: held!.id };
    await expectViolation(
      t.db.insert(creatorCredits).values({ ...reversed, deductedInPayoutId: held!.id }),
      "creator_credits_deduction",
    );
    await expectViolation(
      t.db.insert(creatorCredits).values({
        ...credit,
        status: "earned",
        invoiceId: invoice!.id,
        earnedAt: w.periodStart,
        deductedInPayoutId: other!.id,
      }),
      "creator_credits_deduction",
    );
    await t.db.insert(creatorCredits).values({ ...reversed, deductedInPayoutId: other!.id });
    // The deducted row is history: the copy may hold a new credit (a dispute won after the deduction).
    await t.db
      .insert(creatorCredits)
      .values({ ...credit, status: "earned", invoiceId: invoice!.id, earnedAt: w.periodEnd });
    await expectViolation(t.db.insert(creatorCredits).values(credit), "creator_credits_copy_event_key");
  });

  it("a paid payout has its transfer and paid_at", async () => {
    const w = await makeWorld();
    const payout = { creatorId: w.creator.id, month: "2026-10", amountCents: 1400, status: "paid" as const };
    await expectViolation(t.db.insert(payouts).values({ ...payout, paidAt: w.periodEnd }), "payouts_paid_has_transfer");
    await expectViolation(
      t.db.insert(payouts).values({ ...payout, stripeTransferId: "tr_1" }),
      "payouts_paid_has_transfer",
    );
    await t.db.insert(payouts).values({ ...payout, stripeTransferId: "tr_1", paidAt: w.periodEnd });
  });

  it("allows one live subscription per tenant; ended ones do not count", async () => {
    const w = await makeWorld();
    const second = {
      tenantId: w.readerTenant.id,
      stripeSubscriptionId: "sub_test_2",
      stripeCustomerId: "cus_test_1",
      stripePriceId: "price_test",
      unitAmountCents: 1000,
      currentPeriodStart: w.periodStart,
      currentPeriodEnd: w.periodEnd,
      stripeSyncedAt: new Date(),
    };
    for (const status of ["trialing", "active", "past_due", "paused", "unpaid", "incomplete"] as const) {
      await expectViolation(
        t.db.insert(subscriptions).values({ ...second, status }),
        "subscriptions_one_live_per_tenant",
      );
    }
    await t.db.insert(subscriptions).values({ ...second, status: "canceled" });
    await t.db
      .insert(subscriptions)
      .values({ ...second, stripeSubscriptionId: "sub_test_3", status: "incomplete_expired" });
  });

  it("a paid credit period never credits more than it funds", async () => {
    const w = await makeWorld();
    const [invoice] = await t.db
      .insert(invoices)
      .values({
        tenantId: w.readerTenant.id,
        subscriptionId: w.sub.id,
        stripeInvoiceId: "in_test_1",
        status: "paid",
        amountDueCents: 1000,
        amountPaidCents: 1000,
        periodStart: w.periodStart,
        periodEnd: w.periodEnd,
        paidAt: w.periodStart,
      })
      .returning();
    const period = { subscriptionId: w.sub.id, periodStart: w.periodStart, periodEnd: w.periodEnd };
    await expectViolation(
      t.db
        .insert(creditPeriods)
        .values({ ...period, state: "paid", invoiceId: invoice!.id, fundedCents: 700, creditedCents: 707 }),
      "credit_periods_paid_within_funding",
    );
    await expectViolation(
      t.db.insert(creditPeriods).values({ ...period, state: "unpaid", fundedCents: 700 }),
      "credit_periods_only_paid_funds",
    );
    await t.db
      .insert(creditPeriods)
      .values({ ...period, state: "paid", invoiceId: invoice!.id, fundedCents: 700, creditedCents: 700 });
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
