import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getAdminOverview, getOutboxEmail, listOutboxPage } from "@/db/queries/admin";
import { listReportQueuePage } from "@/db/queries/flow-reports";
import { listPayoutsPage } from "@/db/queries/payouts";
import { listStripeEventLogPage } from "@/db/queries/stripe-event-log";
import { queryRows } from "@/db/rows";
import { flowReports, payouts, stripeEventLog } from "@/db/schema";
import { queueEmail } from "@/lib/email/outbox";
import { welcomeEmail } from "@/lib/email/templates";
import { createTestDb, type TestDb } from "../helpers/db";
import { makeFlows, makeSubscription, makeUser } from "../helpers/world";

// The admin console's reads (db/queries/admin.ts and listPayoutsPage) on real rows, in cents.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

const NOV = { monthStart: new Date("2026-11-01T00:00:00Z"), monthEnd: new Date("2026-12-01T00:00:00Z") };

describe("admin console queries", () => {
  it("counts revenue, credits and payouts by status", async () => {
    const reader = await makeUser(t.db, "Reader");
    const other = await makeUser(t.db, "Other");
    const sub = await makeSubscription(t.db, reader.tenant.id, { status: "active" });
    await makeSubscription(t.db, other.tenant.id, { status: "canceled" });
    const creator = await makeUser(t.db, "Creator");
    const [slug] = await makeFlows(t.db, { userId: creator.user.id, tenantId: creator.tenant.id }, 1);
    await t.db.execute(sql`
      insert into invoices (tenant_id, subscription_id, stripe_invoice_id, status, amount_due_cents, amount_paid_cents, amount_refunded_cents, period_start, period_end, paid_at)
      values (${reader.tenant.id}, ${sub.id}, 'in_a', 'paid', 1000, 1000, 0, '2026-11-01', '2026-12-01', '2026-11-01T00:00:01Z'),
             (${other.tenant.id}, null, 'in_b', 'paid', 1000, 1000, 1000, '2026-11-02', '2026-12-02', '2026-11-02T00:00:00Z'),
             (${other.tenant.id}, null, 'in_c', 'paid', 1000, 1000, 0, '2026-10-02', '2026-11-02', '2026-10-31T23:59:59Z')`);
    await t.db.execute(sql`
      with ev as (
        insert into copy_events (user_id, tenant_id, flow_id, creator_id, subscription_id, period_start, period_end, counted_for_payout, source, created_at)
        select ${reader.user.id}, ${reader.tenant.id}, f.id, ${creator.user.id}, ${sub.id},
               '2026-11-01'::timestamptz + make_interval(secs => g), '2026-12-01'::timestamptz + make_interval(secs => g), g <= 3, 'web',
               '2026-11-10'::timestamptz
        from generate_series(1, 4) g, flows f where f.slug = ${slug!}
        returning id, period_start, period_end, counted_for_payout)
      insert into creator_credits (creator_id, copy_event_id, subscriber_id, subscription_id, invoice_id, period_start, period_end, amount_cents, status, earned_at)
      select ${creator.user.id}, id, ${reader.user.id}, ${sub.id},
             case when period_start = '2026-11-01'::timestamptz + interval '1 second' then null
                  else (select id from invoices where stripe_invoice_id = 'in_a') end,
             period_start, period_end, 7,
             case when period_start = '2026-11-01'::timestamptz + interval '1 second' then 'pending' else 'earned' end,
             case when period_start = '2026-11-01'::timestamptz + interval '1 second' then null else now() end
      from ev where counted_for_payout`);
    await t.db.insert(payouts).values([
      {
        creatorId: creator.user.id,
        month: "2026-09",
        amountCents: 1260,
        status: "paid",
        stripeTransferId: "tr_2026_09",
        paidAt: new Date(),
      },
      {
        creatorId: creator.user.id,
        month: "2026-10",
        amountCents: 1050,
        status: "failed",
        attempts: 5,
        needsAdmin: true,
        lastError: "balance_insufficient: ...",
      },
    ]);

    const overview = await getAdminOverview(t.db, NOV);
    expect(overview).toEqual({
      revenueThisMonthCents: 1000, // $10.00: one paid invoice; one refunded in full; one paid in October
      creditsByStatus: [
        { status: "earned", count: 2, cents: 14 }, // $0.14
        { status: "pending", count: 1, cents: 7 },
      ],
      payoutsByStatus: [
        { status: "failed", count: 1, cents: 1050 },
        { status: "paid", count: 1, cents: 1260 },
      ],
      payoutsNeedingAdmin: 1,
      emailsByStatus: [],
    });

    const all = await listPayoutsPage(t.db, { filter: "all", page: 1, pageSize: 10 });
    expect(all.total).toBe(2);
    expect(all.items.map((p) => [p.month, p.amountCents, p.status, p.creatorEmail])).toEqual(
      expect.arrayContaining([
        ["2026-09", 1260, "paid", creator.user.email],
        ["2026-10", 1050, "failed", creator.user.email],
      ]),
    );
    const failed = await listPayoutsPage(t.db, { filter: "needs_admin", page: 1, pageSize: 10 });
    expect([failed.total, failed.items.map((p) => p.month)]).toEqual([1, ["2026-10"]]);
    expect((await listPayoutsPage(t.db, { filter: "all", page: 2, pageSize: 1 })).items).toHaveLength(1);
  });

  it("lists Stripe events newest first (by status), reports (open queue and resolved) and the outbox, paginated", async () => {
    await t.db.insert(stripeEventLog).values([
      {
        id: "evt_1",
        type: "invoice.paid",
        status: "processed",
        stripeCreatedAt: new Date("2026-11-01T00:00:00Z"),
        receivedAt: new Date("2026-11-01T00:00:01Z"),
      },
      {
        id: "evt_2",
        type: "transfer.created",
        status: "failed",
        lastError: "Error: boom",
        stripeCreatedAt: new Date("2026-11-02T00:00:00Z"),
        receivedAt: new Date("2026-11-02T00:00:01Z"),
      },
      {
        id: "evt_3",
        type: "customer.created",
        status: "ignored",
        stripeCreatedAt: new Date("2026-11-03T00:00:00Z"),
        receivedAt: new Date("2026-11-03T00:00:01Z"),
      },
    ]);
    const all = await listStripeEventLogPage(t.db, { page: 1, pageSize: 2 });
    expect([all.total, all.items.map((e) => e.id)]).toEqual([3, ["evt_3", "evt_2"]]);
    expect((await listStripeEventLogPage(t.db, { page: 2, pageSize: 2 })).items.map((e) => e.id)).toEqual(["evt_1"]);
    const failed = await listStripeEventLogPage(t.db, { status: "failed", page: 1, pageSize: 10 });
    expect(failed.items.map((e) => [e.id, e.lastError])).toEqual([["evt_2", "Error: boom"]]);

    const creator = await makeUser(t.db, "Creator");
    const reporter = await makeUser(t.db, "Reporter");
    const [a, b] = await makeFlows(t.db, { userId: creator.user.id, tenantId: creator.tenant.id }, 2);
    const rows = await queryRows<{ id: string; slug: string }>(t.db, sql`select id, slug from flows order by slug`);
    await t.db.insert(flowReports).values([
      {
        flowId: rows.find((r) => r.slug === a)!.id,
        reporterId: reporter.user.id,
        reason: "spam",
        status: "dismissed",
        resolvedAt: new Date(),
        createdAt: new Date("2026-11-03T00:00:00Z"),
      },
      {
        flowId: rows.find((r) => r.slug === b)!.id,
        reporterId: reporter.user.id,
        reason: "broken",
        details: "Step 3 fails",
        createdAt: new Date("2026-11-01T00:00:00Z"),
      },
    ]);
    const open = await listReportQueuePage(t.db, { filter: "open", page: 1, pageSize: 10 });
    expect(open.items.map((r) => [r.flowSlug, r.reason, r.details, r.openReportsOfFlow])).toEqual([
      [b, "broken", "Step 3 fails", 1],
    ]);
    const resolved = await listReportQueuePage(t.db, { filter: "resolved", page: 1, pageSize: 10 });
    expect(resolved.items.map((r) => [r.flowSlug, r.status])).toEqual([[a, "dismissed"]]);

    for (let i = 0; i < 30; i++) {
      await queueEmail(t.db, {
        to: `u${i}@example.com`,
        kind: "welcome",
        ...welcomeEmail({ name: `U${i}` }),
        dedupeKey: `welcome:${i}`,
      });
    }
    const first = await listOutboxPage(t.db, { page: 1, pageSize: 25 });
    const second = await listOutboxPage(t.db, { page: 2, pageSize: 25 });
    expect(first.total).toBe(30);
    expect(first.items).toHaveLength(25);
    expect(second.items).toHaveLength(5);
    expect(new Set([...first.items, ...second.items].map((e) => e.id)).size).toBe(30);
    expect(first.items[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(second.items[0]!.createdAt.getTime());
    // The recipient filter: "u1@" matches u1 only; "_" and "%" are letters, not wildcards.
    const u1 = await listOutboxPage(t.db, { page: 1, pageSize: 25, to: "u1@" });
    expect(u1.total).toBe(1);
    expect(u1.items.map((e) => e.toAddress)).toEqual(["u1@example.com"]);
    expect((await listOutboxPage(t.db, { page: 1, pageSize: 25, to: "u_@" })).total).toBe(0);
    expect((await listOutboxPage(t.db, { page: 1, pageSize: 25, to: "EXAMPLE.com" })).total).toBe(30);
    const opened = await getOutboxEmail(t.db, { id: first.items[0]!.id });
    expect(opened?.htmlBody).toContain("<!doctype html>");
  });
});
