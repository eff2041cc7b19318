import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getViewerReactions, setLike, setSave } from "@/db/queries/flow-reactions";
import { flows, likes, saves, tenants, users } from "@/db/schema";
import { likeFlow } from "@/lib/flows/reactions";
import { createTestDb, type TestDb } from "../helpers/db";
import { raceIt } from "../helpers/race";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

async function makeFlow() {
  const [creator] = await t.db
    .insert(users)
    .values({ email: "maker@example.com", name: "Maker", handle: "maker" })
    .returning();
  const [tenant] = await t.db
    .insert(tenants)
    .values({ name: "Maker", kind: "personal", personalOwnerId: creator!.id })
    .returning();
  const updatedAt = new Date("2026-01-01T00:00:00Z");
  const [flow] = await t.db
    .insert(flows)
    .values({
      slug: "watch-a-price",
      title: "Watch a price",
      summary: "Checks a product page daily.",
      promptText: "text",
      category: "Shopping",
      status: "published",
      publishedAt: updatedAt,
      updatedAt,
      creatorId: creator!.id,
      tenantId: tenant!.id,
    })
    .returning();
  return flow!;
}

async function makeUsers(n: number) {
  const rows = await t.db
    .insert(users)
    .values(Array.from({ length: n }, (_, i) => ({ email: `reader${i}@example.com`, name: `Reader ${i}` })))
    .returning({ id: users.id });
  return rows.map((r) => r.id);
}

async function counters(flowId: string) {
  const [row] = await t.db
    .select({ likes: flows.likeCount, saves: flows.saveCount, updatedAt: flows.updatedAt })
    .from(flows)
    .where(eq(flows.id, flowId));
  const [likeRows] = await t.db
    .select({ n: sql<number>`count(*)::int` })
    .from(likes)
    .where(eq(likes.flowId, flowId));
  const [saveRows] = await t.db
    .select({ n: sql<number>`count(*)::int` })
    .from(saves)
    .where(eq(saves.flowId, flowId));
  return { ...row!, likeRows: Number(likeRows!.n), saveRows: Number(saveRows!.n) };
}

describe("likes and saves", () => {
  it("like and unlike are idempotent and keep the counter equal to the rows", async () => {
    const flow = await makeFlow();
    const [userId] = await makeUsers(1);
    expect(await setLike(t.db, { userId: userId!, flowId: flow.id, liked: true })).toEqual({ liked: true, likes: 1 });
    expect(await setLike(t.db, { userId: userId!, flowId: flow.id, liked: true })).toEqual({ liked: true, likes: 1 });
    expect(await getViewerReactions(t.db, { userId: userId!, flowId: flow.id })).toEqual({ liked: true, saved: false });
    expect(await setLike(t.db, { userId: userId!, flowId: flow.id, liked: false })).toEqual({ liked: false, likes: 0 });
    expect(await setLike(t.db, { userId: userId!, flowId: flow.id, liked: false })).toEqual({ liked: false, likes: 0 });
    const after = await counters(flow.id);
    expect(after).toMatchObject({ likes: 0, likeRows: 0 });
    // A like is not an edit of the flow.
    expect(after.updatedAt.toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });

  it("save and unsave are idempotent", async () => {
    const flow = await makeFlow();
    const [userId] = await makeUsers(1);
    expect(await setSave(t.db, { userId: userId!, flowId: flow.id, saved: true })).toEqual({ saved: true, saves: 1 });
    expect(await setSave(t.db, { userId: userId!, flowId: flow.id, saved: true })).toEqual({ saved: true, saves: 1 });
    expect(await getViewerReactions(t.db, { userId: userId!, flowId: flow.id })).toEqual({ liked: false, saved: true });
    expect(await setSave(t.db, { userId: userId!, flowId: flow.id, saved: false })).toEqual({ saved: false, saves: 0 });
    expect(await counters(flow.id)).toMatchObject({ saves: 0, saveRows: 0 });
  });

  raceIt("20 concurrent likes by different users count 20", async () => {
    const flow = await makeFlow();
    const userIds = await makeUsers(20);
    const results = await Promise.all(userIds.map((userId) => setLike(t.db, { userId, flowId: flow.id, liked: true })));
    expect(results.every((r) => r.liked)).toBe(true);
    expect(Math.max(...results.map((r) => r.likes))).toBe(20);
    expect(await counters(flow.id)).toMatchObject({ likes: 20, likeRows: 20 });
  });

  raceIt("the same user liking 10 times concurrently counts 1, and 10 concurrent unlikes bring it to 0", async () => {
    const flow = await makeFlow();
    const [userId] = await makeUsers(1);
    const liked = await Promise.all(
      Array.from({ length: 10 }, () => setLike(t.db, { userId: userId!, flowId: flow.id, liked: true })),
    );
    expect(liked.every((r) => r.likes === 1)).toBe(true);
    expect(await counters(flow.id)).toMatchObject({ likes: 1, likeRows: 1 });
    await Promise.all(
      Array.from({ length: 10 }, () => setLike(t.db, { userId: userId!, flowId: flow.id, liked: false })),
    );
    expect(await counters(flow.id)).toMatchObject({ likes: 0, likeRows: 0 });
  });

  raceIt("mixed concurrent saves and unsaves by many users end consistent", async () => {
    const flow = await makeFlow();
    const userIds = await makeUsers(10);
    await Promise.all(userIds.map((userId) => setSave(t.db, { userId, flowId: flow.id, saved: true })));
    await Promise.all(
      userIds.flatMap((userId, i) => [
        setSave(t.db, { userId, flowId: flow.id, saved: i % 2 === 0 }),
        setSave(t.db, { userId, flowId: flow.id, saved: true }),
      ]),
    );
    const after = await counters(flow.id);
    expect(after.saves).toBe(after.saveRows);
  });

  it("refuses unknown or unpublished flows with not_found", async () => {
    const flow = await makeFlow();
    const [userId] = await makeUsers(1);
    await expect(likeFlow(t.db, { userId: userId!, slug: "no-such-flow", liked: true })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(likeFlow(t.db, { userId: userId!, slug: "Bad Slug!", liked: true })).rejects.toMatchObject({
      code: "not_found",
    });
    await t.db.update(flows).set({ status: "unpublished" }).where(eq(flows.id, flow.id));
    await expect(likeFlow(t.db, { userId: userId!, slug: "watch-a-price", liked: true })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await counters(flow.id)).toMatchObject({ likes: 0, likeRows: 0 });
  });
});
