import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { countPublishesThisMonth, getEditableFlow, listCreatorFlowsForDashboard } from "@/db/queries/flow-publishing";
import { getFlowBySlug } from "@/db/queries/flows";
import { flows } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { FlowInputDraft } from "@/lib/publishing/flow-input";
import { createFlow, publishFlow, unpublishFlow, updateFlow } from "@/lib/publishing/publish";
import { getPublishQuota } from "@/lib/publishing/quota";
import { slugCandidate, slugFromTitle } from "@/lib/publishing/slug";
import { createTestDb, type TestDb } from "../helpers/db";
import { makeSubscription, makeUser } from "../helpers/world";
import { raceIt } from "../helpers/race";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

function input(overrides: Partial<FlowInputDraft> = {}): FlowInputDraft {
  return {
    title: "Watch an Amazon price and post to Slack",
    summary: "Checks a product page each morning and posts to Slack when the price drops.",
    promptText: "# Watch a price\n\nOpen {{product_url}} and compare the price with {{target}}.",
    steps: [
      { title: "Open the product page", body: "Go to {{product_url}}." },
      { title: "Compare", body: "If the price is below {{target}}, post to Slack." },
    ],
    agents: ["perplexity comet"],
    sites: ["Amazon.com"],
    tags: ["price-tracking"],
    category: "Shopping",
    isPremium: true,
    ...overrides,
  };
}

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected AppError ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

async function flowRow(id: string) {
  const [row] = await t.db.select().from(flows).where(eq(flows.id, id));
  return row!;
}

async function countFlows(creatorId: string, status?: "draft" | "published" | "unpublished") {
  const where = status ? and(eq(flows.creatorId, creatorId), eq(flows.status, status)) : eq(flows.creatorId, creatorId);
  const [row] = await t.db
    .select({ n: sql<number>`count(*)::int` })
    .from(flows)
    .where(where);
  return Number(row!.n);
}

/** `n` flows published by the user, one at a time. */
async function publishMany(userId: string, n: number, now?: Date) {
  for (let i = 0; i < n; i++) {
    await createFlow(t.db, { userId, input: input({ title: `Published flow number ${i + 1}` }), publish: true, now });
  }
}

describe("createFlow", () => {
  it("saves a draft in the creator's personal tenant, with normalised content and no publish time", async () => {
    const { user, tenant } = await makeUser(t.db, "Casey");
    const ref = await createFlow(t.db, { userId: user.id, input: input(), publish: false });
    const row = await flowRow(ref.id);
    expect(row).toMatchObject({
      slug: "watch-an-amazon-price-and-post-to-slack",
      status: "draft",
      publishedAt: null,
      creatorId: user.id,
      tenantId: tenant.id,
      agents: ["Perplexity Comet"],
      sites: ["amazon.com"],
      category: "Shopping",
      isPremium: true,
    });
    expect(row.steps).toEqual(input().steps);
    expect(await countPublishesThisMonth(t.db, { userId: user.id, now: new Date() })).toBe(0);
  });

  it("publishes at once when asked", async () => {
    const { user } = await makeUser(t.db, "Casey");
    const before = Date.now();
    const ref = await createFlow(t.db, { userId: user.id, input: input(), publish: true });
    expect(ref.status).toBe("published");
    expect(ref.publishedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await getFlowBySlug(t.db, { slug: ref.slug })).not.toBeNull();
  });

  it("refuses invalid input with the field at fault, and writes nothing", async () => {
    const { user } = await makeUser(t.db, "Casey");
    const error = await expectAppError(
      createFlow(t.db, { userId: user.id, input: input({ steps: [{ title: "", body: "x" }] }), publish: false }),
      "validation_failed",
    );
    expect(error.field).toBe("steps.0.title");
    expect(await countFlows(user.id)).toBe(0);
  });
});

describe("slugs", () => {
  it("are lower-case ascii kebab of the title, at most 80 characters", () => {
    expect(slugFromTitle("Résumé & cover letter: the 2026 edition!")).toBe("resume-and-cover-letter-the-2026-edition");
    expect(slugFromTitle("日本語のフロー")).toBe("flow");
    const long = slugFromTitle("word ".repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slugCandidate(long, 12).length).toBeLessThanOrEqual(80);
    expect(slugCandidate(long, 12)).toMatch(/-12$/);
  });

  it("equal titles get -2, -3 ... in order", async () => {
    const { user } = await makeUser(t.db, "Casey");
    const slugs = [];
    for (let i = 0; i < 3; i++)
      slugs.push((await createFlow(t.db, { userId: user.id, input: input(), publish: false })).slug);
    expect(slugs).toEqual([
      "watch-an-amazon-price-and-post-to-slack",
      "watch-an-amazon-price-and-post-to-slack-2",
      "watch-an-amazon-price-and-post-to-slack-3",
    ]);
  });

  raceIt("5 parallel creates with the same title get 5 distinct slugs", async () => {
    const creators = await Promise.all(["A", "B", "C"].map((n) => makeUser(t.db, `Creator ${n}`)));
    const refs = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        createFlow(t.db, {
          userId: creators[i % 3]!.user.id,
          input: input({ title: "Same title for everyone" }),
          publish: i % 2 === 0,
        }),
      ),
    );
    const slugs = refs.map((r) => r.slug);
    expect(new Set(slugs).size).toBe(5);
    expect([...slugs].sort()).toEqual([
      "same-title-for-everyone",
      "same-title-for-everyone-2",
      "same-title-for-everyone-3",
      "same-title-for-everyone-4",
      "same-title-for-everyone-5",
    ]);
  });

  it("follow the title while the flow is a draft, and stay fixed once it has been published", async () => {
    const { user } = await makeUser(t.db, "Casey");
    const ref = await createFlow(t.db, {
      userId: user.id,
      input: input({ title: "First working title" }),
      publish: false,
    });
    expect(ref.slug).toBe("first-working-title");
    const renamed = await updateFlow(t.db, {
      userId: user.id,
      isAdmin: false,
      flowId: ref.id,
      input: input({ title: "Watch an Amazon price and post to Slack" }),
    });
    expect(renamed.slug).toBe("watch-an-amazon-price-and-post-to-slack");
    await publishFlow(t.db, { userId: user.id, isAdmin: false, flowId: ref.id });
    const again = await updateFlow(t.db, {
      userId: user.id,
      isAdmin: false,
      flowId: ref.id,
      input: input({ title: "A new name after launch" }),
    });
    expect(again.slug).toBe("watch-an-amazon-price-and-post-to-slack");
    expect((await flowRow(ref.id)).title).toBe("A new name after launch");
  });

  it("a draft renamed to a taken title gets the next free suffix", async () => {
    const { user } = await makeUser(t.db, "Casey");
    await createFlow(t.db, { userId: user.id, input: input(), publish: true });
    const draft = await createFlow(t.db, {
      userId: user.id,
      input: input({ title: "Something else entirely" }),
      publish: false,
    });
    const renamed = await updateFlow(t.db, { userId: user.id, isAdmin: false, flowId: draft.id, input: input() });
    expect(renamed.slug).toBe("watch-an-amazon-price-and-post-to-slack-2");
  });
});

describe("status transitions", () => {
  it("draft -> published -> unpublished -> published; unpublished flows leave the catalogue", async () => {
    const { user } = await makeUser(t.db, "Casey");
    const draft = await createFlow(t.db, { userId: user.id, input: input(), publish: false });
    const params = { userId: user.id, isAdmin: false, flowId: draft.id };

    const published = await publishFlow(t.db, params);
    expect(published.status).toBe("published");
    const firstPublishedAt = published.publishedAt!;

    const unpublished = await unpublishFlow(t.db, params);
    expect(unpublished.status).toBe("unpublished");
    expect(await countFlows(user.id, "published")).toBe(0);
    expect(await getFlowBySlug(t.db, { slug: draft.slug })).toBeNull();
    // The first publish time stays: it is what the quota counts.
    expect((await flowRow(draft.id)).publishedAt).toEqual(firstPublishedAt);

    const republished = await publishFlow(t.db, params);
    expect(republished.status).toBe("published");
    expect(republished.publishedAt).toEqual(firstPublishedAt);
    expect(await countPublishesThisMonth(t.db, { userId: user.id, now: new Date() })).toBe(1);
  });

  it("editing a published flow keeps it published; publishing twice is a no-op", async () => {
    const { user } = await makeUser(t.db, "Casey");
    const ref = await createFlow(t.db, { userId: user.id, input: input(), publish: true });
    const saved = await updateFlow(t.db, {
      userId: user.id,
      isAdmin: false,
      flowId: ref.id,
      input: input({ summary: "A new summary that is long enough." }),
    });
    expect(saved.status).toBe("published");
    expect((await publishFlow(t.db, { userId: user.id, isAdmin: false, flowId: ref.id })).publishedAt).toEqual(
      ref.publishedAt,
    );
  });

  it("a draft cannot be unpublished", async () => {
    const { user } = await makeUser(t.db, "Casey");
    const draft = await createFlow(t.db, { userId: user.id, input: input(), publish: false });
    await expectAppError(unpublishFlow(t.db, { userId: user.id, isAdmin: false, flowId: draft.id }), "conflict");
    expect((await flowRow(draft.id)).status).toBe("draft");
  });

  it("updateFlow with publish saves the content and publishes in one step", async () => {
    const { user } = await makeUser(t.db, "Casey");
    const draft = await createFlow(t.db, { userId: user.id, input: input(), publish: false });
    const ref = await updateFlow(t.db, {
      userId: user.id,
      isAdmin: false,
      flowId: draft.id,
      input: input({ isPremium: false }),
      publish: true,
    });
    expect(ref.status).toBe("published");
    expect((await flowRow(draft.id)).isPremium).toBe(false);
  });
});

describe("publish quota (free plan: 5 new flows per UTC month)", () => {
  it("the 6th publish is quota_exceeded, with no field, and nothing is written", async () => {
    const { user } = await makeUser(t.db, "Free member");
    await publishMany(user.id, 5);
    const error = await expectAppError(
      createFlow(t.db, { userId: user.id, input: input({ title: "The sixth flow this month" }), publish: true }),
      "quota_exceeded",
    );
    expect(error.field).toBeUndefined();
    expect(error.status).toBe(429);
    expect(error.details).toMatchObject({ limit: 5, used: 5 });
    expect(await countFlows(user.id)).toBe(5);

    // Saving it as a draft is still allowed; publishing that draft is not, and leaves it untouched.
    const draft = await createFlow(t.db, {
      userId: user.id,
      input: input({ title: "The sixth flow this month" }),
      publish: false,
    });
    await expectAppError(publishFlow(t.db, { userId: user.id, isAdmin: false, flowId: draft.id }), "quota_exceeded");
    await expectAppError(
      updateFlow(t.db, {
        userId: user.id,
        isAdmin: false,
        flowId: draft.id,
        input: input({ title: "Renamed while over quota" }),
        publish: true,
      }),
      "quota_exceeded",
    );
    const row = await flowRow(draft.id);
    expect(row).toMatchObject({ status: "draft", publishedAt: null, title: "The sixth flow this month" });
    expect(await countFlows(user.id, "published")).toBe(5);
  });

  raceIt("3 parallel creates at the boundary (4 used): exactly one is published, nothing else is written", async () => {
    const { user } = await makeUser(t.db, "Free member");
    await publishMany(user.id, 4);
    const results = await Promise.allSettled(
      [1, 2, 3].map((i) =>
        createFlow(t.db, { userId: user.id, input: input({ title: `Parallel publish ${i}` }), publish: true }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected.map((r) => (r.reason as AppError).code)).toEqual(["quota_exceeded", "quota_exceeded"]);
    expect(await countFlows(user.id)).toBe(5);
    expect(await countFlows(user.id, "published")).toBe(5);
  });

  raceIt("3 parallel publishes of drafts at the boundary: exactly one goes live, two stay drafts", async () => {
    const { user } = await makeUser(t.db, "Free member");
    await publishMany(user.id, 4);
    const drafts = [];
    for (const i of [1, 2, 3]) {
      drafts.push(
        await createFlow(t.db, { userId: user.id, input: input({ title: `Draft waiting ${i}` }), publish: false }),
      );
    }
    const results = await Promise.allSettled(
      drafts.map((d) => publishFlow(t.db, { userId: user.id, isAdmin: false, flowId: d.id })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await countFlows(user.id, "published")).toBe(5);
    expect(await countFlows(user.id, "draft")).toBe(2);
    const [stillNull] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(flows)
      .where(and(eq(flows.creatorId, user.id), eq(flows.status, "draft"), sql`${flows.publishedAt} is null`));
    expect(Number(stillNull!.n)).toBe(2);
  });

  it("republishing an unpublished flow does not use a publish", async () => {
    const { user } = await makeUser(t.db, "Free member");
    await publishMany(user.id, 5);
    const [first] = await t.db.select().from(flows).where(eq(flows.creatorId, user.id)).limit(1);
    await unpublishFlow(t.db, { userId: user.id, isAdmin: false, flowId: first!.id });
    const again = await publishFlow(t.db, { userId: user.id, isAdmin: false, flowId: first!.id });
    expect(again.status).toBe("published");
    expect(await getPublishQuota(t.db, { userId: user.id })).toMatchObject({ used: 5, limit: 5, remaining: 0 });
  });

  it("counts the current UTC month only", async () => {
    const { user } = await makeUser(t.db, "Free member");
    const lastMonth = new Date(Date.UTC(2026, 9, 31, 23, 59, 59)); // 31 Oct 2026, 23:59:59 UTC
    const thisMonth = new Date(Date.UTC(2026, 10, 1, 0, 0, 0)); // 1 Nov 2026, 00:00:00 UTC
    await publishMany(user.id, 5, lastMonth);
    const ref = await createFlow(t.db, {
      userId: user.id,
      input: input({ title: "First of November" }),
      publish: true,
      now: thisMonth,
    });
    expect(ref.status).toBe("published");
    expect(await countPublishesThisMonth(t.db, { userId: user.id, now: thisMonth })).toBe(1);
    expect(await getPublishQuota(t.db, { userId: user.id, now: thisMonth })).toMatchObject({
      used: 1,
      remaining: 4,
      resetsAt: new Date(Date.UTC(2026, 11, 1)),
    });
  });

  it("a premium subscriber has 100", async () => {
    const { user, tenant } = await makeUser(t.db, "Subscriber");
    await makeSubscription(t.db, tenant.id, { status: "active" });
    await publishMany(user.id, 6);
    expect(await getPublishQuota(t.db, { userId: user.id })).toMatchObject({
      planName: "Premium",
      limit: 100,
      used: 6,
    });
  });
});

describe("who may change a flow", () => {
  it("another user cannot see, edit, publish or unpublish it: not found, and nothing changes", async () => {
    const { user: owner } = await makeUser(t.db, "Owner");
    const { user: other } = await makeUser(t.db, "Other");
    const draft = await createFlow(t.db, { userId: owner.id, input: input(), publish: false });
    const params = { userId: other.id, isAdmin: false, flowId: draft.id };

    expect(await getEditableFlow(t.db, params)).toBeNull();
    await expectAppError(updateFlow(t.db, { ...params, input: input({ title: "Hijacked title here" }) }), "not_found");
    await expectAppError(publishFlow(t.db, params), "not_found");
    await expectAppError(unpublishFlow(t.db, params), "not_found");
    expect(await flowRow(draft.id)).toMatchObject({ title: input().title, status: "draft" });
    expect((await listCreatorFlowsForDashboard(t.db, { userId: other.id })).flows).toEqual([]);
  });

  it("a malformed or unknown id is not found too", async () => {
    const { user } = await makeUser(t.db, "Owner");
    expect(await getEditableFlow(t.db, { userId: user.id, isAdmin: false, flowId: "not-a-uuid" })).toBeNull();
    expect(
      await getEditableFlow(t.db, { userId: user.id, isAdmin: true, flowId: "'; drop table flows; --" }),
    ).toBeNull();
    await expectAppError(
      publishFlow(t.db, { userId: user.id, isAdmin: false, flowId: "00000000-0000-4000-8000-000000000000" }),
      "not_found",
    );
  });

  it("an admin can edit and publish it; it stays the creator's, in the creator's tenant and quota", async () => {
    const { user: owner, tenant } = await makeUser(t.db, "Owner");
    const { user: admin } = await makeUser(t.db, "Admin");
    const draft = await createFlow(t.db, { userId: owner.id, input: input(), publish: false });
    const params = { userId: admin.id, isAdmin: true, flowId: draft.id };

    expect((await getEditableFlow(t.db, params))?.title).toBe(input().title);
    await updateFlow(t.db, {
      ...params,
      input: input({ summary: "Tidied up by an admin, long enough." }),
      publish: true,
    });
    expect(await flowRow(draft.id)).toMatchObject({
      creatorId: owner.id,
      tenantId: tenant.id,
      status: "published",
      summary: "Tidied up by an admin, long enough.",
    });
    expect(await countPublishesThisMonth(t.db, { userId: owner.id, now: new Date() })).toBe(1);
    expect(await countPublishesThisMonth(t.db, { userId: admin.id, now: new Date() })).toBe(0);
    await unpublishFlow(t.db, params);
    expect((await flowRow(draft.id)).status).toBe("unpublished");
  });
});

describe("listCreatorFlowsForDashboard", () => {
  it("lists only the creator's flows, newest edit first, with counts per status", async () => {
    const { user } = await makeUser(t.db, "Casey");
    const { user: other } = await makeUser(t.db, "Other");
    await createFlow(t.db, { userId: other.id, input: input(), publish: true });
    const a = await createFlow(t.db, { userId: user.id, input: input({ title: "Flow A is a draft" }), publish: false });
    const b = await createFlow(t.db, {
      userId: user.id,
      input: input({ title: "Flow B is published" }),
      publish: true,
    });
    const c = await createFlow(t.db, {
      userId: user.id,
      input: input({ title: "Flow C is unpublished" }),
      publish: true,
    });
    await unpublishFlow(t.db, { userId: user.id, isAdmin: false, flowId: c.id });

    const { flows: rows, counts } = await listCreatorFlowsForDashboard(t.db, { userId: user.id });
    expect(rows.map((r) => r.id)).toEqual([c.id, b.id, a.id]);
    expect(rows[0]).toMatchObject({ status: "unpublished", stepCount: 2, copies: 0, isPremium: true });
    expect(counts).toEqual({ all: 3, draft: 1, published: 1, unpublished: 1 });
  });
});
