// The figures at the top of /admin, with exact numbers: MRR and subscribers by status, the trial funnel of the last
// 30 days, copies this (UTC-month) period and creator liabilities by month. Copies go through the copy engine and
// credits become earned through the invoice lifecycle; subscriptions and invoices are rows as the Stripe sync
// writes them.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { creatorCredits, invoices, payouts, subscriptions, tenantMembers, tenants, type Invoice } from "@/db/schema";
import { getCreatorLiabilities, getPlatformMetrics } from "@/lib/admin/metrics";
import { settleCreditPeriods } from "@/lib/billing/credit-lifecycle";
import { recordCopy } from "@/lib/copies/record-copy";
import { createTestDb, type TestDb } from "../helpers/db";
import { makeFlows, makeUser } from "../helpers/world";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

const NOW = new Date("2026-11-20T12:00:00Z");
const at = (iso: string) => new Date(iso);

type SubFields = {
  status: (typeof subscriptions.$inferInsert)["status"];
  quantity?: number;
  unitAmountCents?: number;
  period: [string, string];
  trial?: [string, string];
  cancelAtPeriodEnd?: boolean;
};

async function subscription(tenantId: string, f: SubFields) {
  const [row] = await t.db
    .insert(subscriptions)
    .values({
      tenantId,
      stripeSubscriptionId: `sub_${Math.random().toString(36).slice(2)}`,
      stripeCustomerId: `cus_${tenantId.slice(0, 8)}`,
      stripePriceId: "price_flowtab_premium_monthly",
      status: f.status,
      quantity: f.quantity ?? 1,
      unitAmountCents: f.unitAmountCents ?? 1000,
      currentPeriodStart: at(f.period[0]),
      currentPeriodEnd: at(f.period[1]),
      cancelAtPeriodEnd: f.cancelAtPeriodEnd ?? false,
      trialStart: f.trial ? at(f.trial[0]) : null,
      trialEnd: f.trial ? at(f.trial[1]) : null,
      stripeSyncedAt: NOW,
    })
    .returning();
  return row!;
}

async function paidInvoice(
  sub: { id: string; tenantId: string },
  f: { amountCents: number; period: [string, string]; paidAt: string },
): Promise<Invoice> {
  const [row] = await t.db
    .insert(invoices)
    .values({
      tenantId: sub.tenantId,
      subscriptionId: sub.id,
      stripeInvoiceId: `in_${Math.random().toString(36).slice(2)}`,
      status: "paid",
      amountDueCents: f.amountCents,
      amountPaidCents: f.amountCents,
      periodStart: at(f.period[0]),
      periodEnd: at(f.period[1]),
      paidAt: at(f.paidAt),
    })
    .returning();
  return row!;
}

async function person(name: string) {
  return (await makeUser(t.db, name)).user.id;
}

/** The marketplace on 20 November 2026, 12:00 UTC. */
async function marketplace() {
  const creator = await makeUser(t.db, "Cora Creator");
  const premium = await makeFlows(t.db, { userId: creator.user.id, tenantId: creator.tenant.id }, 3, { prefix: "p" });
  const [free] = await makeFlows(t.db, { userId: creator.user.id, tenantId: creator.tenant.id }, 1, {
    prefix: "f",
    isPremium: false,
  });
  const personal = async (name: string, f: SubFields) => {
    const { user, tenant } = await makeUser(t.db, name);
    return { userId: user.id, sub: await subscription(tenant.id, f) };
  };

  const alice = await personal("Alice", { status: "active", period: ["2026-10-25", "2026-11-25"] });
  const [team] = await t.db.insert(tenants).values({ name: "Team Three", kind: "team" }).returning();
  await t.db.insert(tenantMembers).values({ tenantId: team!.id, userId: await person("Owner"), role: "owner" });
  await subscription(team!.id, { status: "active", quantity: 3, period: ["2026-11-01", "2026-12-01"] });
  const carl = await personal("Carl", { status: "past_due", period: ["2026-11-05", "2026-12-05"] });
  await personal("Fay", {
    status: "active",
    quantity: 2,
    unitAmountCents: 900, // a legacy price: $9.00 x 2 seats
    period: ["2026-11-02", "2026-12-02"],
    cancelAtPeriodEnd: true,
  });
  await personal("Eve", { status: "canceled", period: ["2026-09-01", "2026-10-01"] });
  // Trials: T1 long before the window; T2 started before it and converted inside it; T3 started and ended in it
  // without paying (its only invoice is the trial's $0); T4 started, ended and converted in it; Dan is still in his.
  const t1 = await personal("Tom", {
    status: "active",
    period: ["2026-11-08", "2026-12-08"],
    trial: ["2026-10-01", "2026-10-08"],
  });
  await paidInvoice(t1.sub, { amountCents: 1000, period: ["2026-10-08", "2026-11-08"], paidAt: "2026-10-08" });
  const t2 = await personal("Tia", {
    status: "active",
    period: ["2026-10-25", "2026-11-25"],
    trial: ["2026-10-18", "2026-10-25"],
  });
  await paidInvoice(t2.sub, { amountCents: 0, period: ["2026-10-18", "2026-10-25"], paidAt: "2026-10-18" });
  await paidInvoice(t2.sub, { amountCents: 1000, period: ["2026-10-25", "2026-11-25"], paidAt: "2026-10-25" });
  const t3 = await personal("Ted", {
    status: "paused",
    period: ["2026-10-25", "2026-11-01"],
    trial: ["2026-10-25", "2026-11-01"],
  });
  await paidInvoice(t3.sub, { amountCents: 0, period: ["2026-10-25", "2026-11-01"], paidAt: "2026-10-25" });
  const tina = await personal("Tina", {
    status: "active",
    period: ["2026-11-17", "2026-12-17"],
    trial: ["2026-11-10", "2026-11-17"],
  });
  const tinaInvoice = await paidInvoice(tina.sub, {
    amountCents: 1000,
    period: ["2026-11-17", "2026-12-17"],
    paidAt: "2026-11-17",
  });
  const dan = await personal("Dan", {
    status: "trialing",
    period: ["2026-11-15", "2026-11-22"],
    trial: ["2026-11-15", "2026-11-22"],
  });
  const mia = await person("Mia");

  const copy = (userId: string, slug: string, when: string) =>
    recordCopy(t.db, { userId, slug, source: "web", now: at(when) });
  await copy(alice.userId, premium[0]!, "2026-10-31T23:59:59Z"); // October: not this period
  await copy(alice.userId, premium[1]!, "2026-11-01T00:00:00Z");
  await copy(alice.userId, premium[2]!, "2026-11-10T09:00:00Z");
  await copy(carl.userId, premium[0]!, "2026-11-12T09:00:00Z"); // past_due: qualifies, stays pending
  await copy(tina.userId, premium[0]!, "2026-11-18T09:00:00Z");
  await copy(dan.userId, premium[0]!, "2026-11-16T09:00:00Z"); // trial: never qualifies
  await copy(mia, free!, "2026-11-03T09:00:00Z"); // free flow: never qualifies

  // invoice.paid for Alice's period and for Tina's: their credits become earned.
  const aliceInvoice = await paidInvoice(alice.sub, {
    amountCents: 1000,
    period: ["2026-10-25", "2026-11-25"],
    paidAt: "2026-10-25",
  });
  const periodOf = (subscription: typeof alice.sub, invoice: Invoice) => ({
    subscription,
    periodStart: invoice.periodStart!,
    periodEnd: invoice.periodEnd!,
  });
  await t.db.transaction((tx) =>
    settleCreditPeriods(tx, [periodOf(alice.sub, aliceInvoice), periodOf(tina.sub, tinaInvoice)], NOW),
  );
  return { creator, alice, tina };
}

describe("platform metrics", () => {
  it("MRR, subscribers, trials and copies this period, exactly", async () => {
    await marketplace();
    const m = await getPlatformMetrics(t.db, { now: NOW });
    expect(m.period).toEqual({ month: "2026-11", start: at("2026-11-01T00:00:00Z"), end: at("2026-12-01T00:00:00Z") });
    // active: Alice 1000 + team 3 x 1000 + Fay 2 x 900 + Tom 1000 + Tia 1000 + Tina 1000; past_due: Carl 1000.
    expect(m.mrrCents).toBe(9_800); // $98.00
    expect(m.subscribers).toEqual([
      { status: "active", subscriptions: 6, seats: 9 },
      { status: "canceled", subscriptions: 1, seats: 1 },
      { status: "past_due", subscriptions: 1, seats: 1 },
      { status: "paused", subscriptions: 1, seats: 1 },
      { status: "trialing", subscriptions: 1, seats: 1 },
    ]);
    expect(m.trials).toEqual({
      started: 3, // Ted, Tina, Dan
      ended: 3, // Tia, Ted, Tina
      converted: 2, // Tia, Tina
      since: at("2026-10-21T12:00:00Z"),
      until: NOW,
    });
    // November: Alice 2, Carl 1, Tina 1 (qualifying) + Dan's trial copy + Mia's free flow.
    expect(m.copies).toEqual({ total: 6, qualifying: 4 });
  });

  it("creator liabilities by month: earned not paid, in a payout, to deduct, pending", async () => {
    const { creator, alice, tina } = await marketplace();
    expect(await getCreatorLiabilities(t.db)).toEqual({
      months: [
        { month: "2026-11", earnedCents: 21, inPayoutCents: 0, pendingCents: 7, toDeductCents: 0 },
        { month: "2026-10", earnedCents: 7, inPayoutCents: 0, pendingCents: 0, toDeductCents: 0 },
      ],
      totalOwedCents: 28, // $0.28: Alice's 3 credits and Tina's 1
      totalPendingCents: 7, // Carl's, until his invoice is paid
    });

    // What the payout run writes (lib/payouts): October's credit reserved in a payout still being attempted, and
    // Tina's credit paid out in a paid payout, then reversed by a refund before any later payout deducted it.
    const [processing] = await t.db
      .insert(payouts)
      .values({ creatorId: creator.user.id, month: "2026-10", amountCents: 7, status: "processing" })
      .returning();
    const [paid] = await t.db
      .insert(payouts)
      .values({
        creatorId: creator.user.id,
        month: "2026-09",
        amountCents: 7,
        status: "paid",
        stripeTransferId: "tr_liabilities_2026_09",
        paidAt: NOW,
      })
      .returning();
    const [octCredit] = await t.db
      .select({ id: creatorCredits.id })
      .from(creatorCredits)
      .where(eq(creatorCredits.subscriptionId, alice.sub.id))
      .orderBy(creatorCredits.createdAt)
      .limit(1);
    await t.db.update(creatorCredits).set({ payoutId: processing!.id }).where(eq(creatorCredits.id, octCredit!.id));
    await t.db
      .update(creatorCredits)
      .set({ status: "reversed", payoutId: paid!.id, reversedAt: NOW })
      .where(eq(creatorCredits.subscriptionId, tina.sub.id));

    expect(await getCreatorLiabilities(t.db)).toEqual({
      months: [
        { month: "2026-11", earnedCents: 14, inPayoutCents: 0, pendingCents: 7, toDeductCents: 7 },
        { month: "2026-10", earnedCents: 7, inPayoutCents: 7, pendingCents: 0, toDeductCents: 0 },
      ],
      totalOwedCents: 14, // 7 + 14 earned, less Tina's 7 to deduct
      totalPendingCents: 7,
    });
  });

  it("is empty on an empty platform", async () => {
    const m = await getPlatformMetrics(t.db, { now: NOW });
    expect([m.mrrCents, m.subscribers, m.copies]).toEqual([0, [], { total: 0, qualifying: 0 }]);
    expect([m.trials.started, m.trials.ended, m.trials.converted]).toEqual([0, 0, 0]);
    expect(await getCreatorLiabilities(t.db)).toEqual({ months: [], totalOwedCents: 0, totalPendingCents: 0 });
  });
});
