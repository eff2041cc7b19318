import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dailySeries, getEarningsSummary, listEarningsMonths, listPayouts, perFlowStats } from "@/db/queries/earnings";
import { listCreditsForExport } from "@/db/queries/earnings-export";
import { copyEvents, creatorCredits, flows, invoices, payouts, type CreditStatus } from "@/db/schema";
import type { Db } from "@/db/types";
import { centsToDollars, creditsCsv, payoutsCsv, toCsv } from "@/lib/earnings/csv";
import { getEarningsOverview, toEarningsJson } from "@/lib/earnings/overview";
import { parseCsv } from "../helpers/csv";
import { createTestDb, type TestDb } from "../helpers/db";
import { makeSubscription, makeUser } from "../helpers/world";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

const NOW = new Date("2026-03-15T12:00:00Z");
const at = (iso: string) => new Date(iso);

type Person = Awaited<ReturnType<typeof makeUser>>;

async function makeFlow(
  db: Db,
  creator: Person,
  title: string,
  status: "draft" | "published" | "unpublished" = "published",
) {
  const slug = `${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")}-${Math.random().toString(36).slice(2, 7)}`;
  const [flow] = await db
    .insert(flows)
    .values({
      slug,
      title,
      summary: "A test flow.",
      promptText: "Secret prompt",
      category: "Testing",
      status,
      publishedAt: status === "draft" ? null : at("2025-10-01T00:00:00Z"),
      isPremium: true,
      creatorId: creator.user.id,
      tenantId: creator.tenant.id,
    })
    .returning();
  return flow!;
}

/**
 * Builds a world with two creators and a reader. Credit amounts are distinct primes (real credits are all 7c) so a
 * credit wrongly counted or wrongly left out can never be hidden by another one.
 */
async function world() {
  const db = t.db;
  const a = await makeUser(db, "Ada Creator");
  const b = await makeUser(db, "Bo Other");
  const reader = await makeUser(db, "Reader");
  const sub = await makeSubscription(db, reader.tenant.id, { start: at("2025-10-01T00:00:00Z") });
  const alpha = await makeFlow(db, a, "Alpha flow");
  const beta = await makeFlow(db, a, "Beta flow");
  await makeFlow(db, a, "Draft never copied", "draft");
  const gamma = await makeFlow(db, a, "Gamma flow", "unpublished");
  const other = await makeFlow(db, b, "Other creator flow");

  // Each copy gets its own period so the (user, flow, period) rule never gets in the way of the fixture.
  async function copy(flow: typeof alpha, createdAt: Date, counted: boolean) {
    const [event] = await db
      .insert(copyEvents)
      .values({
        userId: reader.user.id,
        tenantId: reader.tenant.id,
        flowId: flow.id,
        creatorId: flow.creatorId,
        subscriptionId: sub.id,
        periodStart: createdAt,
        periodEnd: new Date(createdAt.getTime() + 30 * 86_400_000),
        countedForPayout: counted,
        source: "web",
        createdAt,
      })
      .returning();
    return event!;
  }

  async function payout(
    creatorId: string,
    month: string,
    amountCents: number,
    status: "paid" | "failed",
    extra: Partial<typeof payouts.$inferInsert> = {},
  ) {
    const [row] = await db
      .insert(payouts)
      .values({
        creatorId,
        month,
        amountCents,
        status,
        attempts: 1,
        paidAt: status === "paid" ? at(`${month}-28T00:00:00Z`) : null,
        stripeTransferId: status === "paid" ? `tr_${creatorId.slice(0, 8)}_${month}` : null,
        ...extra,
      })
      .returning();
    return row!;
  }

  let invoiceId: string | null = null;
  async function paidInvoice() {
    if (invoiceId) return invoiceId;
    const [row] = await db
      .insert(invoices)
      .values({
        tenantId: reader.tenant.id,
        subscriptionId: sub.id,
        stripeInvoiceId: `in_${Math.random().toString(36).slice(2)}`,
        status: "paid",
        amountDueCents: 1000,
        amountPaidCents: 1000,
        periodStart: sub.currentPeriodStart,
        periodEnd: sub.currentPeriodEnd,
        paidAt: sub.currentPeriodStart,
      })
      .returning();
    invoiceId = row!.id;
    return invoiceId;
  }

  async function credit(
    flow: typeof alpha,
    iso: string,
    amountCents: number,
    status: CreditStatus,
    links: { payoutId?: string; deductedInPayoutId?: string } = {},
  ) {
    const event = await copy(flow, at(iso), true);
    // As the lifecycle leaves them: earned and paid-out credits point to a paid invoice, reversed ones say when.
    const earned = status === "earned" || status === "paid_out" || status === "reversed";
    await db.insert(creatorCredits).values({
      invoiceId: earned ? await paidInvoice() : null,
      earnedAt: earned ? at(iso) : null,
      reversedAt: status === "reversed" ? at(iso) : null,
      creatorId: flow.creatorId,
      copyEventId: event.id,
      subscriberId: reader.user.id,
      subscriptionId: sub.id,
      periodStart: event.periodStart,
      periodEnd: event.periodEnd,
      amountCents,
      status,
      payoutId: links.payoutId ?? null,
      deductedInPayoutId: links.deductedInPayoutId ?? null,
      createdAt: at(iso),
    });
  }

  // Creator A. January was paid out in P1 (7 + 11 + 13 = 31c); 13c of it was refunded afterwards, not yet deducted.
  const p1 = await payout(a.user.id, "2026-01", 31, "paid", {
    stripeTransferId: "tr_a_2026_01",
    paidAt: at("2026-02-01T00:07:00Z"),
  });
  // November's 43c sits in a failed payout that is being retried.
  const p0 = await payout(a.user.id, "2025-11", 43, "failed", {
    attempts: 2,
    lastError: "Your destination account needs to have at least one of the following capabilities enabled: transfers",
    nextAttemptAt: at("2026-03-16T00:00:00Z"),
  });
  await credit(alpha, "2025-11-20T10:00:00Z", 43, "earned", { payoutId: p0.id });
  await credit(alpha, "2026-01-10T10:00:00Z", 7, "paid_out", { payoutId: p1.id });
  await credit(beta, "2026-01-11T10:00:00Z", 11, "paid_out", { payoutId: p1.id });
  await credit(alpha, "2026-01-12T10:00:00Z", 13, "reversed", { payoutId: p1.id }); // reversed after paid out
  await credit(beta, "2026-01-13T10:00:00Z", 17, "void");
  await credit(beta, "2026-02-28T23:59:59Z", 47, "pending"); // last second of February
  await credit(alpha, "2026-03-01T00:00:00Z", 19, "earned"); // first instant of March
  await credit(alpha, "2026-03-02T10:00:00Z", 37, "reversed"); // reversed before any payout: simply gone
  await credit(beta, "2026-03-03T10:00:00Z", 41, "void");
  await credit(beta, "2026-03-14T10:00:00Z", 23, "earned");
  await credit(alpha, "2026-03-15T11:00:00Z", 29, "pending");
  await credit(beta, "2026-03-15T11:30:00Z", 31, "pending");
  // Copies that did not qualify (past the cap, or a free read) count as copies and earn nothing.
  await copy(alpha, at("2026-03-05T09:00:00Z"), false);
  await copy(alpha, at("2026-03-06T09:00:00Z"), false);
  await copy(gamma, at("2026-02-10T09:00:00Z"), false);

  // Creator B, same reader, same days: none of it may ever show up in A's figures.
  const pb = await payout(b.user.id, "2026-01", 500, "paid", { stripeTransferId: "tr_b_2026_01" });
  await credit(other, "2026-01-15T10:00:00Z", 500, "paid_out", { payoutId: pb.id });
  await credit(other, "2026-01-16T10:00:00Z", 200, "reversed", { payoutId: pb.id });
  await credit(other, "2026-03-10T10:00:00Z", 700, "earned");
  await credit(other, "2026-03-15T10:00:00Z", 300, "pending");
  await payout(b.user.id, "2026-02", 900, "failed", { lastError: "B's problem" });

  return { a, b, alpha, beta, gamma, p0, p1 };
}

describe("getEarningsSummary", () => {
  it("computes each figure to the cent, scoped to the creator", async () => {
    const { a, b } = await world();
    expect(await getEarningsSummary(t.db, { creatorId: a.user.id, now: NOW })).toEqual({
      availableCents: 29, // earned and in no payout (19 + 23 = 42) minus refunded after payout (13)
      pendingCents: 107, // 47 + 29 + 31
      lifetimePaidCents: 31, // the paid January payout; the failed one is not money received
      thisMonthCents: 102, // March copies that still count: 19 + 23 + 29 + 31 (37 reversed and 41 void excluded)
      inPayoutCents: 43, // November, inside the failed payout being retried
      owedBackCents: 13,
    });
    expect(await getEarningsSummary(t.db, { creatorId: b.user.id, now: NOW })).toEqual({
      availableCents: 500, // 700 - 200 refunded after payout
      pendingCents: 300,
      lifetimePaidCents: 500,
      thisMonthCents: 1000,
      inPayoutCents: 0,
      owedBackCents: 200,
    });
  });

  it("is all zeros for a member who never earned, and can go negative after a refund of paid-out credits", async () => {
    const { user } = await makeUser(t.db, "Newcomer");
    expect(await getEarningsSummary(t.db, { creatorId: user.id, now: NOW })).toMatchObject({
      availableCents: 0,
      pendingCents: 0,
      lifetimePaidCents: 0,
      thisMonthCents: 0,
    });
    const { a, p1 } = await world();
    await t.db.delete(creatorCredits).where(
      // Only the refunded January credit is left to owe: available = -13c, carried forward to the next payout.
      sql`${creatorCredits.creatorId} = ${a.user.id} and ${creatorCredits.status} = 'earned' and ${creatorCredits.payoutId} is null`,
    );
    const summary = await getEarningsSummary(t.db, { creatorId: a.user.id, now: NOW });
    expect(summary.availableCents).toBe(-13);
    expect(p1.amountCents).toBe(31);
  });

  it("a reversal already deducted by a later payout is no longer subtracted", async () => {
    const { a } = await world();
    const [p2] = await t.db
      .insert(payouts)
      .values({
        creatorId: a.user.id,
        month: "2026-02",
        amountCents: 0,
        status: "paid",
        stripeTransferId: "tr_a_2026_02",
        paidAt: at("2026-03-01T00:05:00Z"),
      })
      .returning();
    await t.db
      .update(creatorCredits)
      .set({ deductedInPayoutId: p2!.id })
      .where(
        sql`${creatorCredits.creatorId} = ${a.user.id} and ${creatorCredits.status} = 'reversed' and ${creatorCredits.payoutId} is not null`,
      );
    const summary = await getEarningsSummary(t.db, { creatorId: a.user.id, now: NOW });
    expect(summary.availableCents).toBe(42);
    expect(summary.owedBackCents).toBe(0);
  });
});

describe("listEarningsMonths", () => {
  it("lists every month from the first credit to now, zero-filled, newest first, with a status", async () => {
    const { a } = await world();
    const months = await listEarningsMonths(t.db, { creatorId: a.user.id, now: NOW });
    expect(
      months.map(({ month, qualifyingCopies, earnedCents, status }) => ({
        month,
        qualifyingCopies,
        earnedCents,
        status,
      })),
    ).toEqual([
      { month: "2026-03", qualifyingCopies: 4, earnedCents: 102, status: "mixed" }, // earned and pending
      { month: "2026-02", qualifyingCopies: 1, earnedCents: 47, status: "pending" },
      { month: "2026-01", qualifyingCopies: 2, earnedCents: 18, status: "paid" }, // 7 + 11; 13 reversed, 17 void
      { month: "2025-12", qualifyingCopies: 0, earnedCents: 0, status: "none" }, // zero-filled
      { month: "2025-11", qualifyingCopies: 1, earnedCents: 43, status: "earned" },
    ]);
    expect(months[0]).toMatchObject({ pendingCents: 60, paidOutCents: 0, reversedCents: 37, voidCents: 41 });
    expect(months[2]).toMatchObject({ paidOutCents: 18, reversedCents: 13, voidCents: 17 });
    // The current month agrees with the "this month" figure.
    expect(months[0]!.earnedCents).toBe(
      (await getEarningsSummary(t.db, { creatorId: a.user.id, now: NOW })).thisMonthCents,
    );
  });

  it("runs to the current month even when the last credit is older, and is empty without credits", async () => {
    const { a } = await world();
    const later = await listEarningsMonths(t.db, { creatorId: a.user.id, now: at("2026-05-02T00:00:00Z") });
    expect(later.slice(0, 3).map((m) => [m.month, m.earnedCents, m.status])).toEqual([
      ["2026-05", 0, "none"],
      ["2026-04", 0, "none"],
      ["2026-03", 102, "mixed"],
    ]);
    const { user } = await makeUser(t.db, "Nobody");
    expect(await listEarningsMonths(t.db, { creatorId: user.id, now: NOW })).toEqual([]);
  });
});

describe("dailySeries", () => {
  it("has one zero-filled row per UTC day, live credits only", async () => {
    const { a } = await world();
    const days = await dailySeries(t.db, { creatorId: a.user.id, days: 30, now: NOW });
    expect(days).toHaveLength(30);
    expect(days[0]!.day).toBe("2026-02-14");
    expect(days.at(-1)!.day).toBe("2026-03-15");
    const nonZero = days.filter((d) => d.qualifyingCopies > 0);
    expect(nonZero).toEqual([
      { day: "2026-02-28", qualifyingCopies: 1, earnedCents: 47 },
      { day: "2026-03-01", qualifyingCopies: 1, earnedCents: 19 },
      { day: "2026-03-14", qualifyingCopies: 1, earnedCents: 23 },
      { day: "2026-03-15", qualifyingCopies: 2, earnedCents: 60 },
    ]);
    expect(days.find((d) => d.day === "2026-03-02")).toEqual({
      day: "2026-03-02",
      qualifyingCopies: 0,
      earnedCents: 0,
    });
    // Consecutive days, no gap, no repeat.
    for (let i = 1; i < days.length; i++) {
      expect(Date.parse(`${days[i]!.day}T00:00:00Z`) - Date.parse(`${days[i - 1]!.day}T00:00:00Z`)).toBe(86_400_000);
    }
  });

  it("90 and 365 days; a year sums to every live credit", async () => {
    const { a } = await world();
    expect(await dailySeries(t.db, { creatorId: a.user.id, days: 90, now: NOW })).toHaveLength(90);
    const year = await dailySeries(t.db, { creatorId: a.user.id, days: 365, now: NOW });
    expect(year).toHaveLength(365);
    expect(year.reduce((n, d) => n + d.earnedCents, 0)).toBe(210); // 43 + 7 + 11 + 47 + 19 + 23 + 29 + 31
    expect(year.reduce((n, d) => n + d.qualifyingCopies, 0)).toBe(8);
    const months = await listEarningsMonths(t.db, { creatorId: a.user.id, now: NOW });
    expect(months.reduce((n, m) => n + m.earnedCents, 0)).toBe(210);
  });
});

describe("perFlowStats", () => {
  it("counts copies, qualifying copies and earnings per flow; drafts never copied are left out", async () => {
    const { a } = await world();
    const stats = await perFlowStats(t.db, { creatorId: a.user.id });
    expect(
      stats.map(({ title, copies, qualifyingCopies, earnedCents, pendingCents }) => ({
        title,
        copies,
        qualifyingCopies,
        earnedCents,
        pendingCents,
      })),
    ).toEqual([
      { title: "Beta flow", copies: 6, qualifyingCopies: 4, earnedCents: 112, pendingCents: 78 }, // 11 + 47 + 23 + 31
      { title: "Alpha flow", copies: 8, qualifyingCopies: 4, earnedCents: 98, pendingCents: 29 }, // 43 + 7 + 19 + 29
      { title: "Gamma flow", copies: 1, qualifyingCopies: 0, earnedCents: 0, pendingCents: 0 },
    ]);
  });

  it("sorts by whitelisted columns only", async () => {
    const { a } = await world();
    const titles = async (sort: string, dir: "asc" | "desc") =>
      (await perFlowStats(t.db, { creatorId: a.user.id, sort: sort as never, dir })).map((s) => s.title);
    expect(await titles("copies", "desc")).toEqual(["Alpha flow", "Beta flow", "Gamma flow"]);
    expect(await titles("copies", "asc")).toEqual(["Gamma flow", "Beta flow", "Alpha flow"]);
    expect(await titles("title", "asc")).toEqual(["Alpha flow", "Beta flow", "Gamma flow"]);
    expect(await titles("earnings", "asc")).toEqual(["Gamma flow", "Alpha flow", "Beta flow"]);
    // Ties break by title: Alpha and Beta both have 4 qualifying copies.
    expect(await titles("qualifying", "desc")).toEqual(["Alpha flow", "Beta flow", "Gamma flow"]);
    // Anything else is the default (earnings), never SQL.
    expect(await titles("copies; drop table flows", "desc")).toEqual(["Beta flow", "Alpha flow", "Gamma flow"]);
  });
});

describe("listPayouts", () => {
  it("lists the creator's payouts newest first, with the failure reason of a failed one", async () => {
    const { a } = await world();
    const list = await listPayouts(t.db, { creatorId: a.user.id });
    expect(list.map((p) => ({ month: p.month, amountCents: p.amountCents, status: p.status }))).toEqual([
      { month: "2026-01", amountCents: 31, status: "paid" },
      { month: "2025-11", amountCents: 43, status: "failed" },
    ]);
    expect(list[0]!.paidAt?.toISOString()).toBe("2026-02-01T00:07:00.000Z");
    expect(list[0]!.failureReason).toBeNull();
    expect(list[1]!.failureReason).toMatch(/capabilities enabled: transfers/);
    expect(list[1]!.nextAttemptAt?.toISOString()).toBe("2026-03-16T00:00:00.000Z");
  });
});

describe("API shape", () => {
  it("GET /api/v1/creators/me/earnings returns exactly the contract's fields", async () => {
    const { a } = await world();
    const json = toEarningsJson(await getEarningsOverview(t.db, { creatorId: a.user.id, now: NOW }));
    expect(Object.keys(json).sort()).toEqual([
      "availableCents",
      "lifetimePaidCents",
      "months",
      "payouts",
      "pendingCents",
      "thisMonthCents",
    ]);
    expect(json).toMatchObject({ availableCents: 29, pendingCents: 107, lifetimePaidCents: 31, thisMonthCents: 102 });
    expect(Object.keys(json.months[0]!).sort()).toEqual(["earnedCents", "month", "qualifyingCopies", "status"]);
    expect(json.payouts).toEqual([
      { month: "2026-01", amountCents: 31, status: "paid", paidAt: "2026-02-01T00:07:00.000Z" },
      { month: "2025-11", amountCents: 43, status: "failed", paidAt: null },
    ]);
  });
});

const sum = (rows: Record<string, string>[], pick: (r: Record<string, string>) => boolean) =>
  rows.filter(pick).reduce((n, r) => n + Number(r.amount_cents), 0);

describe("CSV exports", () => {
  it("the credits and payouts CSVs add up to the summary", async () => {
    const { a } = await world();
    const summary = await getEarningsSummary(t.db, { creatorId: a.user.id, now: NOW });
    const march = parseCsv(creditsCsv(await listCreditsForExport(t.db, { creatorId: a.user.id, month: "2026-03" })));
    expect(march).toHaveLength(6);
    const live = (r: Record<string, string>) => ["pending", "earned", "paid_out"].includes(r.status!);
    expect(sum(march, live)).toBe(summary.thisMonthCents);

    const all = parseCsv(creditsCsv(await listCreditsForExport(t.db, { creatorId: a.user.id })));
    expect(all).toHaveLength(12);
    const available =
      sum(all, (r) => r.status === "earned" && r.payout_month === "") -
      sum(all, (r) => r.status === "reversed" && r.payout_month !== "" && r.deducted_in_payout_month === "");
    expect(available).toBe(summary.availableCents);
    expect(sum(all, (r) => r.status === "pending")).toBe(summary.pendingCents);
    for (const r of all) expect(r.amount_usd).toBe(centsToDollars(Number(r.amount_cents)));
    expect(all.find((r) => r.amount_cents === "13")).toMatchObject({ status: "reversed", payout_month: "2026-01" });
    expect(all.every((r) => !JSON.stringify(r).includes("@example.com"))).toBe(true); // no subscriber identity

    const payoutRows = parseCsv(payoutsCsv(await listPayouts(t.db, { creatorId: a.user.id })));
    expect(sum(payoutRows, (r) => r.status === "paid")).toBe(summary.lifetimePaidCents);
    expect(payoutRows.map((r) => r.month)).toEqual(["2026-01", "2025-11"]);
  });

  it("escapes commas, quotes, line breaks and spreadsheet formulas; keeps numbers numeric", () => {
    const csv = toCsv(
      ["a", "b", "c"],
      [
        ['x, "y"\nz', '=HYPERLINK("http://evil")', -14],
        ["@sum", null, 0],
      ],
    );
    expect(csv).toBe('a,b,c\r\n"x, ""y""\nz","\'=HYPERLINK(""http://evil"")",-14\r\n\'@sum,,0\r\n');
    expect(parseCsv(csv)[0]).toEqual({ a: 'x, "y"\nz', b: '\'=HYPERLINK("http://evil")', c: "-14" });
    expect([0, 7, 100, 1050, -7, 123456].map(centsToDollars)).toEqual([
      "0.00",
      "0.07",
      "1.00",
      "10.50",
      "-0.07",
      "1234.56",
    ]);
  });
});
