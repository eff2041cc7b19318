import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadCopyContext } from "@/db/queries/copies";
import { listSubscriptionsForUser } from "@/db/queries/subscriptions";
import { copyEvents, copyPeriodUsage, creatorCredits, flows, tenantMembers, tenants } from "@/db/schema";
import { recordCopy } from "@/lib/copies/record-copy";
import { AppError } from "@/lib/errors";
import { createTestDb, type TestDb } from "../helpers/db";
import { makeFlows, makeSubscription, makeUser } from "../helpers/world";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

async function setup() {
  const creator = await makeUser(t.db, "Creator");
  const reader = await makeUser(t.db, "Reader");
  const sub = await makeSubscription(t.db, reader.tenant.id);
  return { creator, reader, sub };
}

async function creditCents(creatorId: string) {
  const [row] = await t.db
    .select({ cents: sql<number>`coalesce(sum(${creatorCredits.amountCents}), 0)::int` })
    .from(creatorCredits)
    .where(eq(creatorCredits.creatorId, creatorId));
  return row!.cents;
}

describe("recordCopy", () => {
  it("300 parallel copies of 300 premium flows: 300 rows, exactly 100 qualifying, 700 cents", async () => {
    const { creator, reader } = await setup();
    const slugs = await makeFlows(t.db, { userId: creator.user.id, tenantId: creator.tenant.id }, 300);
    // The anti-scraping limit is 120/minute; spread the calls over 3 simulated minutes.
    const base = Date.now();
    const results = await Promise.all(
      slugs.map((slug, i) =>
        recordCopy(t.db, {
          userId: reader.user.id,
          slug,
          source: "web",
          now: new Date(base + Math.floor(i / 100) * 60_000),
        }),
      ),
    );
    expect(results.filter((r) => r.copy.countedForPayout)).toHaveLength(100);
    expect(await t.db.select().from(copyEvents)).toHaveLength(300);
    expect(await creditCents(creator.user.id)).toBe(700); // 100 x $0.07 = $7.00
    const [usage] = await t.db.select().from(copyPeriodUsage);
    expect(usage).toMatchObject({ copies: 300, paidCopies: 100 });
  });

  it("50 parallel copies of one flow: one row, one credit, one counted copy", async () => {
    const { creator, reader } = await setup();
    const [slug] = await makeFlows(t.db, { userId: creator.user.id, tenantId: creator.tenant.id }, 1);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => recordCopy(t.db, { userId: reader.user.id, slug: slug!, source: "web" })),
    );
    expect(results.filter((r) => !r.copy.alreadyCopied)).toHaveLength(1);
    expect(await t.db.select().from(copyEvents)).toHaveLength(1);
    expect(await creditCents(creator.user.id)).toBe(7);
    const [flow] = await t.db.select().from(flows).where(eq(flows.slug, slug!));
    expect(flow!.copyCount).toBe(1);
  });

  it("a repeat copy returns the text with alreadyCopied and changes no count", async () => {
    const { creator, reader } = await setup();
    const [slug] = await makeFlows(t.db, { userId: creator.user.id, tenantId: creator.tenant.id }, 1);
    const first = await recordCopy(t.db, { userId: reader.user.id, slug: slug!, source: "web" });
    const again = await recordCopy(t.db, { userId: reader.user.id, slug: slug!, source: "api" });
    expect(first.copy).toMatchObject({
      alreadyCopied: false,
      countedForPayout: true,
      copiesThisPeriod: 1,
      paidCopiesRemaining: 99,
    });
    expect(again.promptText).toBe(first.promptText);
    expect(again.copy).toMatchObject({
      id: first.copy.id,
      alreadyCopied: true,
      countedForPayout: false,
      copiesThisPeriod: 1,
      paidCopiesRemaining: 99,
    });
    expect(await creditCents(creator.user.id)).toBe(7);
  });

  it("self-copies, same-tenant copies and free flows earn nothing", async () => {
    const { creator, reader } = await setup();
    await makeSubscription(t.db, creator.tenant.id);
    const [premium] = await makeFlows(t.db, { userId: creator.user.id, tenantId: creator.tenant.id }, 1);
    const [free] = await makeFlows(t.db, { userId: creator.user.id, tenantId: creator.tenant.id }, 1, {
      isPremium: false,
    });
    const self = await recordCopy(t.db, { userId: creator.user.id, slug: premium!, source: "web" });
    expect(self.copy.countedForPayout).toBe(false);
    const freeCopy = await recordCopy(t.db, { userId: reader.user.id, slug: free!, source: "web" });
    expect(freeCopy.copy.countedForPayout).toBe(false);
    expect(await creditCents(creator.user.id)).toBe(0);
  });

  it("a trial earns nothing and its 21st copy gets 429", async () => {
    const creator = await makeUser(t.db, "Creator");
    const trialist = await makeUser(t.db, "Trialist");
    await makeSubscription(t.db, trialist.tenant.id, { status: "trialing" });
    const slugs = await makeFlows(t.db, { userId: creator.user.id, tenantId: creator.tenant.id }, 21);
    for (const slug of slugs.slice(0, 20)) {
      const r = await recordCopy(t.db, { userId: trialist.user.id, slug, source: "web" });
      expect(r.copy.countedForPayout).toBe(false);
    }
    const error = await recordCopy(t.db, { userId: trialist.user.id, slug: slugs[20]!, source: "web" }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "quota_exceeded", status: 429 });
    expect(await t.db.select().from(copyEvents)).toHaveLength(20);
    expect(await creditCents(creator.user.id)).toBe(0);
    // A repeat of an earlier flow is still fine.
    await expect(recordCopy(t.db, { userId: trialist.user.id, slug: slugs[0]!, source: "web" })).resolves.toMatchObject(
      {
        copy: { alreadyCopied: true },
      },
    );
  });

  it("premium without access is 403, unknown flows 404", async () => {
    const creator = await makeUser(t.db, "Creator");
    const member = await makeUser(t.db, "Member");
    const [premium] = await makeFlows(t.db, { userId: creator.user.id, tenantId: creator.tenant.id }, 1);
    await expect(recordCopy(t.db, { userId: member.user.id, slug: premium!, source: "web" })).rejects.toMatchObject({
      code: "premium_required",
      status: 403,
    });
    await expect(recordCopy(t.db, { userId: member.user.id, slug: "nope", source: "web" })).rejects.toMatchObject({
      status: 404,
    });
    expect(await t.db.select().from(copyEvents)).toHaveLength(0);
  });

  it("copies in consecutive periods are capped separately; the counter resets", async () => {
    const creator = await makeUser(t.db, "Creator");
    const reader = await makeUser(t.db, "Reader");
    const p1 = new Date("2026-10-15T10:00:00Z");
    const p2 = new Date("2026-11-15T10:00:00Z");
    const sub = await makeSubscription(t.db, reader.tenant.id, { start: p1, end: p2 });
    const slugs = await makeFlows(t.db, { userId: creator.user.id, tenantId: creator.tenant.id }, 110);
    for (const [i, slug] of slugs.entries()) {
      await recordCopy(t.db, { userId: reader.user.id, slug, source: "api", now: new Date(p1.getTime() + i * 61_000) });
    }
    // Stripe renews: the same subscription moves to the next period (spanning the month boundary).
    await t.db.execute(
      sql`update subscriptions set current_period_start = ${p2.toISOString()}, current_period_end = ${"2026-12-15T10:00:00Z"} where id = ${sub.id}`,
    );
    const results = [];
    for (const [i, slug] of slugs.entries()) {
      results.push(
        await recordCopy(t.db, {
          userId: reader.user.id,
          slug,
          source: "api",
          now: new Date(p2.getTime() + 3_600_000 + i * 61_000),
        }),
      );
    }
    expect(results[0]!.copy).toMatchObject({ alreadyCopied: false, copiesThisPeriod: 1, paidCopiesRemaining: 99 });
    expect(results.filter((r) => r.copy.countedForPayout)).toHaveLength(100);
    const perPeriod = await t.db
      .select({ start: creatorCredits.periodStart, n: sql<number>`count(*)::int` })
      .from(creatorCredits)
      .groupBy(creatorCredits.periodStart);
    expect(perPeriod.map((r) => r.n)).toEqual([100, 100]);
    expect(await creditCents(creator.user.id)).toBe(1400); // 2 periods x $7.00
  });

  it("two subscribers racing on the same flows keep separate counts", async () => {
    const creator = await makeUser(t.db, "Creator");
    const a = await makeUser(t.db, "A");
    const b = await makeUser(t.db, "B");
    await makeSubscription(t.db, a.tenant.id);
    await makeSubscription(t.db, b.tenant.id);
    const slugs = await makeFlows(t.db, { userId: creator.user.id, tenantId: creator.tenant.id }, 60);
    await Promise.all(
      slugs.flatMap((slug) => [
        recordCopy(t.db, { userId: a.user.id, slug, source: "web" }),
        recordCopy(t.db, { userId: b.user.id, slug, source: "web" }),
      ]),
    );
    const usage = await t.db.select().from(copyPeriodUsage);
    expect(usage.map((u) => u.paidCopies).sort()).toEqual([60, 60]);
    expect(await creditCents(creator.user.id)).toBe(840); // 120 x $0.07
    const [flow] = await t.db
      .select()
      .from(flows)
      .where(and(eq(flows.slug, slugs[0]!)));
    expect(flow!.copyCount).toBe(2);
  });

  it("more than 120 copy requests a minute get 429 with Retry-After", async () => {
    const { creator, reader } = await setup();
    const [slug] = await makeFlows(t.db, { userId: creator.user.id, tenantId: creator.tenant.id }, 1);
    const now = new Date("2026-11-22T10:00:05Z");
    for (let i = 0; i < 120; i++) await recordCopy(t.db, { userId: reader.user.id, slug: slug!, source: "api", now });
    const error = await recordCopy(t.db, { userId: reader.user.id, slug: slug!, source: "api", now }).catch((e) => e);
    expect(error).toMatchObject({ code: "rate_limited", retryAfterSeconds: 55 });
  });

  it("one idempotency key raced on two flows: one copy recorded, the other request is a 409", async () => {
    const { creator, reader } = await setup();
    const [a, b] = await makeFlows(t.db, { userId: creator.user.id, tenantId: creator.tenant.id }, 2);
    const outcomes = await Promise.allSettled([
      recordCopy(t.db, { userId: reader.user.id, slug: a!, source: "api", idempotencyKey: "same" }),
      recordCopy(t.db, { userId: reader.user.id, slug: b!, source: "api", idempotencyKey: "same" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { code: "conflict", status: 409 } });
    expect(await t.db.select().from(copyEvents)).toHaveLength(1);
    expect(await creditCents(creator.user.id)).toBe(7);
  });

  it("the copy path reads the same subscription rows as getEntitlement", async () => {
    const { reader } = await setup();
    const team = await makeUser(t.db, "Team owner");
    await t.db.update(tenants).set({ kind: "team", personalOwnerId: null }).where(eq(tenants.id, team.tenant.id));
    await t.db.insert(tenantMembers).values({ tenantId: team.tenant.id, userId: reader.user.id, role: "member" });
    await makeSubscription(t.db, team.tenant.id, { status: "past_due" });
    const viaCopy = await loadCopyContext(t.db, {
      slug: "none",
      userId: reader.user.id,
      rateKey: "test",
      rateWindowStart: new Date(),
    });
    const viaEntitlement = await listSubscriptionsForUser(t.db, { userId: reader.user.id });
    expect(viaCopy.subscriptions).toHaveLength(2);
    expect(viaCopy.subscriptions).toEqual(viaEntitlement);
    expect(viaCopy.personalTenantId).toBe(reader.tenant.id);
  });

  it("the same idempotency key returns the first result", async () => {
    const { creator, reader } = await setup();
    const [slug] = await makeFlows(t.db, { userId: creator.user.id, tenantId: creator.tenant.id }, 1);
    const first = await recordCopy(t.db, { userId: reader.user.id, slug: slug!, source: "api", idempotencyKey: "k1" });
    const retry = await recordCopy(t.db, { userId: reader.user.id, slug: slug!, source: "api", idempotencyKey: "k1" });
    expect(retry.copy).toEqual({ ...first.copy });
  });
});
