// Seats in the entitlement and the copy engine: a team's first N members by join date hold its N seats, each with
// their own 100 qualifying copies a period, and the team's period never funds more than 100 per seat.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadCopyContext } from "@/db/queries/copies";
import { listSubscriptionsForUser } from "@/db/queries/subscriptions";
import { copyEvents, copyPeriodUsage, creatorCredits, subscriptionPeriodUsage } from "@/db/schema";
import { recordCopy } from "@/lib/copies/record-copy";
import { getEntitlement } from "@/lib/entitlements";
import { removeTeamMember } from "@/lib/teams/members";
import { createTestDb, type TestDb } from "../helpers/db";
import { settleAll } from "../helpers/race";
import { makeFlows, makeUser } from "../helpers/world";
import { joinTeam, makeTeam } from "./team-support";

const onPostgres = Boolean(process.env.DATABASE_URL);
if (!onPostgres) {
  console.warn(
    "[team-seats] SKIPPED: the parallel-copy test needs PostgreSQL (set DATABASE_URL); PGlite has one connection.",
  );
}

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

async function creator() {
  return makeUser(t.db, "Creator");
}

async function creditsBySubscriber(subscriptionId: string) {
  const rows = await t.db
    .select({
      subscriberId: creatorCredits.subscriberId,
      n: sql<number>`count(*)::int`,
      cents: sql<number>`sum(${creatorCredits.amountCents})::int`,
    })
    .from(creatorCredits)
    .where(eq(creatorCredits.subscriptionId, subscriptionId))
    .groupBy(creatorCredits.subscriberId);
  return new Map(rows.map((r) => [r.subscriberId, { n: r.n, cents: r.cents }]));
}

describe("seats", () => {
  it("with 2 seats and 3 members exactly 2 have premium access: the first two by join date", async () => {
    const { team, owner, members } = await makeTeam(t.db, { seats: 2, members: ["Ada", "Bo"] });
    const [ada, bo] = members;
    const people = [owner, ada!, bo!];
    const entitlements = await Promise.all(people.map((p) => getEntitlement(t.db, { userId: p.user.id })));
    expect(entitlements.map((e) => e.premiumAccess)).toEqual([true, true, false]);
    expect(entitlements.map((e) => e.plan.id)).toEqual(["team", "team", "free"]);
    expect(entitlements.map((e) => e.withoutSeat)).toEqual([false, false, true]);
    expect(entitlements[0]!.tenantId).toBe(team.id);

    // The copy path computes the same seats in its own statement.
    for (const p of people) {
      const viaCopy = await loadCopyContext(t.db, {
        slug: "none",
        userId: p.user.id,
        rateKey: `t:${p.user.id}`,
        rateWindowStart: new Date(),
      });
      expect(viaCopy.subscriptions).toEqual(await listSubscriptionsForUser(t.db, { userId: p.user.id }));
    }
    const seated = await Promise.all(
      people.map(async (p) => (await listSubscriptionsForUser(t.db, { userId: p.user.id }))[0]?.seated),
    );
    expect(seated).toEqual([true, true, false]);

    const c = await creator();
    const [premium] = await makeFlows(t.db, { userId: c.user.id, tenantId: c.tenant.id }, 1);
    const [free] = await makeFlows(t.db, { userId: c.user.id, tenantId: c.tenant.id }, 1, { isPremium: false });
    await expect(recordCopy(t.db, { userId: bo!.user.id, slug: premium!, source: "web" })).rejects.toMatchObject({
      code: "premium_required",
      status: 403,
    });
    expect((await recordCopy(t.db, { userId: bo!.user.id, slug: free!, source: "web" })).copy.countedForPayout).toBe(
      false,
    );
    expect(
      (await recordCopy(t.db, { userId: ada!.user.id, slug: premium!, source: "web" })).copy.countedForPayout,
    ).toBe(true);

    // Ada is removed: her seat goes to Bo (next by join date), and she has no access.
    await removeTeamMember(t.db, { tenantId: team.id, actorId: owner.user.id, userId: ada!.user.id });
    expect((await getEntitlement(t.db, { userId: ada!.user.id })).premiumAccess).toBe(false);
    expect((await getEntitlement(t.db, { userId: bo!.user.id })).premiumAccess).toBe(true);
    await expect(recordCopy(t.db, { userId: ada!.user.id, slug: premium!, source: "web" })).rejects.toMatchObject({
      code: "premium_required",
    });
    expect((await recordCopy(t.db, { userId: bo!.user.id, slug: premium!, source: "web" })).copy.countedForPayout).toBe(
      true,
    );
  });

  it("a member who joins a full team has no seat until one is added", async () => {
    const { subscription, members } = await makeTeam(t.db, { seats: 2, members: ["Ada", "Bo", "Cy"] });
    const access = async () =>
      Promise.all(members.map(async (m) => (await getEntitlement(t.db, { userId: m.user.id })).premiumAccess));
    expect(await access()).toEqual([true, false, false]);
    await t.db.execute(sql`update subscriptions set quantity = 3 where id = ${subscription.id}`);
    expect(await access()).toEqual([true, true, false]);
  });

  it.skipIf(!onPostgres)(
    "300 parallel copies by 2 seated members credit exactly 200 (100 each)",
    async () => {
      const { subscription, owner, members } = await makeTeam(t.db, { seats: 2, members: ["Ada", "Bo"] });
      const seated = [owner, members[0]!];
      const c = await creator();
      const slugs = await makeFlows(t.db, { userId: c.user.id, tenantId: c.tenant.id }, 150);
      const base = Date.now();
      // 150 distinct premium flows each, all 300 at once; spread over 2 simulated minutes (the 120/minute limit).
      const results = await settleAll(
        seated.flatMap((p) =>
          slugs.map((slug, i) =>
            recordCopy(t.db, {
              userId: p.user.id,
              slug,
              source: "web",
              now: new Date(base + Math.floor(i / 100) * 60_000),
            }),
          ),
        ),
      );
      expect(results).toHaveLength(300);
      expect(results.filter((r) => r.copy.countedForPayout)).toHaveLength(200);
      expect(await t.db.select().from(copyEvents)).toHaveLength(300);
      const credits = await creditsBySubscriber(subscription.id);
      expect(credits.get(owner.user.id)).toEqual({ n: 100, cents: 700 }); // 100 x $0.07
      expect(credits.get(members[0]!.user.id)).toEqual({ n: 100, cents: 700 });
      expect(credits.size).toBe(2);
      const [pool] = await t.db.select().from(subscriptionPeriodUsage);
      expect(pool).toMatchObject({ subscriptionId: subscription.id, paidCopies: 200 });
      const usage = await t.db.select().from(copyPeriodUsage);
      expect(usage.map((u) => [u.copies, u.paidCopies])).toEqual([
        [150, 100],
        [150, 100],
      ]);
    },
    120_000,
  );

  it.skipIf(!onPostgres)(
    "ten members racing for the team period's last 10 qualifying copies get exactly 10",
    async () => {
      const names = Array.from({ length: 9 }, (_, i) => `Member ${i + 1}`);
      const { subscription, owner, members } = await makeTeam(t.db, { seats: 10, members: names });
      // Members who left this period used 990 of the 10 x 100 (as the pool row records them).
      await t.db.insert(subscriptionPeriodUsage).values({
        subscriptionId: subscription.id,
        periodStart: subscription.currentPeriodStart,
        periodEnd: subscription.currentPeriodEnd,
        paidCopies: 990,
      });
      const c = await creator();
      const slugs = await makeFlows(t.db, { userId: c.user.id, tenantId: c.tenant.id }, 20);
      const racing = await settleAll(
        [owner, ...members].flatMap((p) =>
          slugs.map((slug) => recordCopy(t.db, { userId: p.user.id, slug, source: "web" })),
        ),
      );
      expect(racing).toHaveLength(200);
      expect(racing.filter((r) => r.copy.countedForPayout)).toHaveLength(10);
      const [total] = await t.db
        .select({ n: sql<number>`count(*)::int`, cents: sql<number>`sum(${creatorCredits.amountCents})::int` })
        .from(creatorCredits)
        .where(eq(creatorCredits.subscriptionId, subscription.id));
      expect(total).toEqual({ n: 10, cents: 70 });
      const [pool] = await t.db.select().from(subscriptionPeriodUsage);
      expect(pool!.paidCopies).toBe(1000);
    },
    120_000,
  );

  it("a member who takes a removed member's seat mid-period cannot spend that seat's 100 copies again", async () => {
    const { team, subscription, owner, members } = await makeTeam(t.db, { seats: 2, members: ["Ada"] });
    const ada = members[0]!;
    const c = await creator();
    const slugs = await makeFlows(t.db, { userId: c.user.id, tenantId: c.tenant.id }, 103);
    const base = Date.now();
    const copyAll = async (userId: string, list: string[]) => {
      for (const [i, slug] of list.entries()) {
        await recordCopy(t.db, { userId, slug, source: "web", now: new Date(base + Math.floor(i / 100) * 60_000) });
      }
    };
    await copyAll(owner.user.id, slugs.slice(0, 100));
    await copyAll(ada.user.id, slugs.slice(0, 100));
    await removeTeamMember(t.db, { tenantId: team.id, actorId: owner.user.id, userId: ada.user.id });
    const cy = await joinTeam(t.db, team.id, "Cy");
    expect((await getEntitlement(t.db, { userId: cy.user.id })).premiumAccess).toBe(true);
    const results = [];
    for (const slug of slugs.slice(100))
      results.push(await recordCopy(t.db, { userId: cy.user.id, slug, source: "web" }));
    // Cy reads and copies, but the period's 2 x 100 qualifying copies are spent: 2 seats fund $14.00, not more.
    expect(results.map((r) => r.copy.countedForPayout)).toEqual([false, false, false]);
    expect(results[2]!.copy).toMatchObject({ copiesThisPeriod: 3, alreadyCopied: false });
    const [total] = await t.db
      .select({ cents: sql<number>`sum(${creatorCredits.amountCents})::int` })
      .from(creatorCredits)
      .where(eq(creatorCredits.subscriptionId, subscription.id));
    expect(total!.cents).toBe(1400);
    const [pool] = await t.db
      .select()
      .from(subscriptionPeriodUsage)
      .where(and(eq(subscriptionPeriodUsage.subscriptionId, subscription.id)));
    expect(pool!.paidCopies).toBe(200);
  }, 120_000);
});
