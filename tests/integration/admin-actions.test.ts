// Admin user search and the audit entries of the payout buttons, on a real database (payouts against an
// in-process Stripe sandbox).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { adminAuditLog, payouts, tenantMembers, tenants, users } from "@/db/schema";
import { searchUsersForAdmin } from "@/lib/admin/user-search";
import { recordCopy } from "@/lib/copies/record-copy";
import { retryPayoutNow, runPayoutsAsAdmin } from "@/lib/payouts/admin";
import { runPayoutJob } from "@/lib/payouts/job";
import { createTestDb, type TestDb } from "../helpers/db";
import { makeFlows, makeSubscription, makeUser } from "../helpers/world";
import { startTestSandbox, type TestSandbox } from "../sandbox/helpers";

let t: TestDb;
let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
  await sandbox?.close();
});
beforeEach(async () => t.reset());

const audit = () => t.db.select().from(adminAuditLog).orderBy(adminAuditLog.createdAt);

describe("user search", () => {
  it("finds users by part of their email, with tenants, plan, copies, flows and payouts", async () => {
    const creator = await makeUser(t.db, "Sam Searchable");
    await t.db.update(users).set({ email: "sam.search@example.com" }).where(eq(users.id, creator.user.id));
    const reader = await makeUser(t.db, "Rita Reader");
    await t.db.update(users).set({ email: "rita_reads@example.com" }).where(eq(users.id, reader.user.id));
    const [team] = await t.db.insert(tenants).values({ name: "Search Team", kind: "team" }).returning();
    await t.db.insert(tenantMembers).values({ tenantId: team!.id, userId: reader.user.id, role: "admin" });
    await makeSubscription(t.db, reader.tenant.id, { status: "active" });
    const slugs = await makeFlows(t.db, { userId: creator.user.id, tenantId: creator.tenant.id }, 3);
    await t.db.insert(payouts).values([
      {
        creatorId: creator.user.id,
        month: "2026-09",
        amountCents: 1260,
        status: "paid",
        stripeTransferId: "tr_search_2026_09",
        paidAt: new Date(),
      },
      { creatorId: creator.user.id, month: "2026-10", amountCents: 1050, status: "failed", needsAdmin: true },
    ]);
    for (const slug of slugs.slice(0, 2)) await recordCopy(t.db, { userId: reader.user.id, slug, source: "web" });

    const rita = await searchUsersForAdmin(t.db, { query: "RITA_", page: 1, pageSize: 10 });
    expect(rita.total).toBe(1);
    const [found] = rita.items;
    expect(found).toMatchObject({
      email: "rita_reads@example.com",
      plan: { name: "Premium", premiumAccess: true, status: "active" },
      copies: { total: 2, thisMonth: 2, qualifying: 2 },
      flows: { published: 0, drafts: 0, unpublished: 0 },
      payouts: { count: 0, paidCents: 0, recent: [] },
    });
    expect(found!.tenants.map((x) => [x.name, x.kind, x.role, x.subscriptionStatus])).toEqual([
      ["Rita Reader", "personal", "owner", "active"],
      ["Search Team", "team", "admin", null],
    ]);

    const sam = await searchUsersForAdmin(t.db, { query: "sam.search@example.com", page: 1, pageSize: 10 });
    expect(
      sam.items.map((u) => [u.email, u.plan.name, u.flows.published, u.payouts.count, u.payouts.paidCents]),
    ).toEqual([["sam.search@example.com", "Free", 3, 2, 1260]]);
    expect(sam.items[0]!.payouts.recent.map((p) => [p.month, p.status, p.needsAdmin])).toEqual([
      ["2026-10", "failed", true],
      ["2026-09", "paid", false],
    ]);

    // `_` and `%` are letters in a search, not wildcards; "example" matches both, alphabetically.
    expect((await searchUsersForAdmin(t.db, { query: "r%a", page: 1, pageSize: 10 })).total).toBe(0);
    expect((await searchUsersForAdmin(t.db, { query: "sam_search", page: 1, pageSize: 10 })).total).toBe(0);
    const both = await searchUsersForAdmin(t.db, { query: "example", page: 1, pageSize: 1 });
    expect([both.total, both.items.map((u) => u.email)]).toEqual([2, ["rita_reads@example.com"]]);
  });
});

describe("payout buttons", () => {
  it("Retry now reopens a failed payout with its audit entry; a payout that is not failed audits nothing", async () => {
    const { user: adminUser } = await makeUser(t.db, "Ada Admin");
    const actor = { id: adminUser.id, email: adminUser.email };
    const creator = await makeUser(t.db, "Nora Notonboarded");
    const [failed] = await t.db
      .insert(payouts)
      .values({
        creatorId: creator.user.id,
        month: "2026-10",
        amountCents: 1050,
        status: "failed",
        attempts: 5,
        needsAdmin: true,
        lastError: "account_invalid",
      })
      .returning();
    const [paid] = await t.db
      .insert(payouts)
      .values({
        creatorId: creator.user.id,
        month: "2026-09",
        amountCents: 1260,
        status: "paid",
        stripeTransferId: "tr_retry_2026_09",
        paidAt: new Date(),
      })
      .returning();

    await expect(retryPayoutNow(t.db, { payoutId: paid!.id, actor, stripe: sandbox.stripe })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await audit()).toEqual([]);

    // The creator has no connected account, so the attempt fails again; the admin's action is on record anyway.
    const result = await retryPayoutNow(t.db, { payoutId: failed!.id, actor, stripe: sandbox.stripe });
    expect([result.attempted, result.paid.length, result.failed.length]).toEqual([1, 0, 1]);
    expect((await audit()).map((a) => [a.actorEmail, a.action, a.targetType, a.targetId, a.details])).toEqual([
      [
        actor.email,
        "payout.retry",
        "payout",
        failed!.id,
        { creatorId: creator.user.id, month: "2026-10", amountCents: 1050, attempts: 5, lastError: "account_invalid" },
      ],
    ]);
  });

  it("Run payouts records who asked for which month before the run starts", async () => {
    const { user: adminUser } = await makeUser(t.db, "Ada Admin");
    const actor = { id: adminUser.id, email: adminUser.email };
    const now = new Date("2026-11-02T00:00:00Z");
    const auditedFirst: unknown[] = [];
    // The job the button enqueues, run here: the audit entry is already committed when it starts.
    const request = async ({ month }: { month: string }) => {
      auditedFirst.push(...(await audit()).map((a) => a.action));
      return { state: "finished" as const, summary: await runPayoutJob(t.db, { month, now, stripe: sandbox.stripe }) };
    };
    const result = await runPayoutsAsAdmin(t.db, { month: "2026-10", actor, now, request });
    expect(result.state === "finished" && result.summary.month).toBe("2026-10");
    expect(auditedFirst).toEqual(["payouts.run"]);
    expect((await audit()).map((a) => [a.action, a.targetType, a.targetId])).toEqual([
      ["payouts.run", "payout_month", "2026-10"],
    ]);
  });
});
