import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  catalogCountQuery,
  catalogItemsQuery,
  getCatalogPage,
  getCreatorByHandle,
  getFlowBySlug,
  getFlowPromptForEntitledUser,
  listCreatorFlows,
  listFacets,
  listPublishedSlugs,
  prepareCatalogFilters,
  toPrefixTsQuerySource,
  type CatalogQuery,
} from "@/db/queries/flows";
import { queryRows } from "@/db/rows";
import { flowCopyDays, flows, tenantMembers, tenants, users, type NewFlow } from "@/db/schema";
import { parseCatalogParams, parseCatalogParamsLeniently } from "@/lib/flows/catalog-params";
import { toCatalogPageJson, toFlowJson } from "@/lib/flows/public-json";
import { createTestDb, type TestDb } from "../helpers/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());

const DAY_MS = 86_400_000;
const SECRET_PROMPT = "SECRET-PROMPT-merge-conflict-text: open the pull request and keep both sides";
const SECRET_STEP_BODY = "SECRET-STEP-BODY read every conflict marker before editing";

async function makeCreator(handle: string, name: string) {
  const [user] = await t.db
    .insert(users)
    .values({ email: `${handle}@example.com`, name, handle, bio: `${name} writes flows.` })
    .returning();
  const [tenant] = await t.db.insert(tenants).values({ name, kind: "personal", personalOwnerId: user!.id }).returning();
  await t.db.insert(tenantMembers).values({ tenantId: tenant!.id, userId: user!.id, role: "owner" });
  return { userId: user!.id, tenantId: tenant!.id };
}

type Creator = Awaited<ReturnType<typeof makeCreator>>;

function flowRow(creator: Creator, f: Partial<NewFlow> & { slug: string; title: string; daysAgo: number }): NewFlow {
  const { daysAgo, ...columns } = f;
  const publishedAt = new Date(Date.now() - daysAgo * DAY_MS);
  return {
    summary: `Summary of ${f.title}.`,
    promptText: "Do the task carefully.",
    steps: [{ title: "First step", body: "Body of the first step." }],
    category: "Developer tools",
    status: "published",
    publishedAt,
    updatedAt: publishedAt,
    creatorId: creator.userId,
    tenantId: creator.tenantId,
    ...columns,
  };
}

/** Three published flows, a draft and an unpublished one, by two creators. */
async function seedSmallCatalogue() {
  const ada = await makeCreator("ada", "Ada Lovelace");
  const bob = await makeCreator("bob", "Bob Builder");
  await t.db.insert(flows).values([
    flowRow(ada, {
      slug: "resolve-merge-conflict",
      title: "Resolve a GitHub merge conflict",
      agents: ["Perplexity Comet", "Claude for Chrome"],
      sites: ["github.com"],
      tags: ["git", "code-review"],
      isPremium: true,
      promptText: SECRET_PROMPT,
      steps: [
        { title: "Open the pull request", body: SECRET_STEP_BODY },
        { title: "Commit the merge", body: "SECRET-STEP-BODY-2 commit with a clear message" },
      ],
      recentCopyCount: 50,
      copyCount: 120,
      likeCount: 3,
      daysAgo: 10,
    }),
    flowRow(bob, {
      slug: "amazon-price-watch",
      title: "Watch an Amazon price",
      agents: ["ChatGPT Atlas"],
      sites: ["amazon.com"],
      tags: ["shopping", "alerts"],
      isPremium: false,
      // Mentions the search word only in the body: must rank below a title match.
      promptText: "Check the price daily. If two offers disagree, merge them into one report.",
      recentCopyCount: 5,
      copyCount: 9,
      likeCount: 30,
      daysAgo: 1,
    }),
    flowRow(ada, {
      slug: "thread-to-markdown",
      title: "Turn a Twitter thread into Markdown",
      agents: ["Claude for Chrome"],
      sites: ["x.com"],
      tags: ["markdown", "social"],
      isPremium: false,
      recentCopyCount: 20,
      copyCount: 20,
      likeCount: 40,
      daysAgo: 5,
    }),
    flowRow(ada, {
      slug: "draft-merge-helper",
      title: "Draft merge helper",
      status: "draft",
      publishedAt: null,
      daysAgo: 0,
    }),
    flowRow(bob, {
      slug: "old-merge-flow",
      title: "Old merge flow",
      status: "unpublished",
      daysAgo: 30,
    }),
  ]);
  return { ada, bob };
}

const base: CatalogQuery = { sort: "popular", page: 1, pageSize: 20 };
const slugs = (page: { items: Array<{ slug: string }> }) => page.items.map((i) => i.slug);

describe("catalogue queries", () => {
  beforeAll(async () => {
    await t.reset();
    await seedSmallCatalogue();
  });

  it("lists published flows only, with the public card shape and nothing premium", async () => {
    const page = await getCatalogPage(t.db, base);
    expect(page.total).toBe(3);
    expect(slugs(page).sort()).toEqual(["amazon-price-watch", "resolve-merge-conflict", "thread-to-markdown"]);
    const premium = page.items.find((i) => i.slug === "resolve-merge-conflict")!;
    expect(Object.keys(premium).sort()).toEqual(
      [
        "agents",
        "copies",
        "creator",
        "isPremium",
        "likes",
        "sites",
        "slug",
        "summary",
        "tags",
        "title",
        "updatedAt",
      ].sort(),
    );
    expect(premium).toMatchObject({
      isPremium: true,
      copies: 120,
      likes: 3,
      creator: { handle: "ada", name: "Ada Lovelace" },
    });
    expect(premium).not.toHaveProperty("promptText");
    const json = JSON.stringify(toCatalogPageJson(page));
    expect(json).not.toContain("SECRET");
    expect(Object.keys(toCatalogPageJson(page))).toEqual(["items", "page", "pageSize", "total"]);
  });

  it("never selects the prompt text or the steps for a list", async () => {
    const filters = await prepareCatalogFilters(t.db, { ...base, q: "merge", agent: "Manus", access: "premium" });
    for (const query of [catalogItemsQuery(t.db, filters), catalogCountQuery(t.db, filters)]) {
      const text = query.toSQL().sql;
      expect(text).not.toContain("prompt_text");
      expect(text).not.toContain('"steps"');
    }
  });

  it("searches by word prefix: 'merg' finds 'merge'", async () => {
    const page = await getCatalogPage(t.db, { ...base, q: "merg" });
    expect(slugs(page)).toContain("resolve-merge-conflict");
    expect(slugs(page)).not.toContain("draft-merge-helper");
    expect(slugs(page)).not.toContain("old-merge-flow");
    const words = await getCatalogPage(t.db, { ...base, q: "GitHub conf" });
    expect(slugs(words)).toEqual(["resolve-merge-conflict"]);
  });

  it("ranks a title match above a prompt-body match", async () => {
    const page = await getCatalogPage(t.db, { ...base, q: "merge", sort: "liked" });
    // The body-only match has ten times the likes; rank still wins over the chosen sort.
    expect(slugs(page)).toEqual(["resolve-merge-conflict", "amazon-price-watch"]);
    expect(page.total).toBe(2);
  });

  it("treats tsquery operators as plain text and ignores empty or stop-word searches", async () => {
    expect(toPrefixTsQuerySource("merge & | !(conflict):* <-> 'x'")).toBe("merge:* & conflict:* & x:*");
    expect(toPrefixTsQuerySource("!!! ::: &&")).toBeNull();
    const operators = await getCatalogPage(t.db, { ...base, q: "merge & !conflict | (x" });
    expect(operators.total).toBeGreaterThanOrEqual(0);
    expect((await getCatalogPage(t.db, { ...base, q: "!!! ()" })).total).toBe(3);
    expect((await getCatalogPage(t.db, { ...base, q: "the of" })).total).toBe(3);
    expect((await getCatalogPage(t.db, { ...base, q: "zzzunknownword" })).total).toBe(0);
    for (const q of [
      "naïve café",
      "C++ & C#",
      "😀 emoji",
      "\u0301",
      "日本語",
      "a:b",
      "'; drop table flows; --",
      "foo-bar",
      "___",
      "x".repeat(200),
    ]) {
      await expect(getCatalogPage(t.db, { ...base, q })).resolves.toMatchObject({ page: 1 });
    }
  });

  it("filters by agent, site, tag and access, combined with AND", async () => {
    expect(slugs(await getCatalogPage(t.db, { ...base, agent: "Claude for Chrome" }))).toEqual([
      "resolve-merge-conflict",
      "thread-to-markdown",
    ]);
    expect(slugs(await getCatalogPage(t.db, { ...base, site: "amazon.com" }))).toEqual(["amazon-price-watch"]);
    expect(slugs(await getCatalogPage(t.db, { ...base, tag: "markdown" }))).toEqual(["thread-to-markdown"]);
    expect(slugs(await getCatalogPage(t.db, { ...base, access: "premium" }))).toEqual(["resolve-merge-conflict"]);
    expect(slugs(await getCatalogPage(t.db, { ...base, access: "free" }))).toEqual([
      "thread-to-markdown",
      "amazon-price-watch",
    ]);
    expect((await getCatalogPage(t.db, { ...base, agent: "Claude for Chrome", access: "free" })).total).toBe(1);
    expect((await getCatalogPage(t.db, { ...base, agent: "Nobody" })).total).toBe(0);
  });

  it("sorts by popular (30-day copies), new and liked", async () => {
    expect(slugs(await getCatalogPage(t.db, { ...base, sort: "popular" }))).toEqual([
      "resolve-merge-conflict",
      "thread-to-markdown",
      "amazon-price-watch",
    ]);
    expect(slugs(await getCatalogPage(t.db, { ...base, sort: "new" }))).toEqual([
      "amazon-price-watch",
      "thread-to-markdown",
      "resolve-merge-conflict",
    ]);
    expect(slugs(await getCatalogPage(t.db, { ...base, sort: "liked" }))).toEqual([
      "thread-to-markdown",
      "amazon-price-watch",
      "resolve-merge-conflict",
    ]);
  });

  it("paginates with a stable total", async () => {
    const first = await getCatalogPage(t.db, { ...base, pageSize: 2, page: 1 });
    const second = await getCatalogPage(t.db, { ...base, pageSize: 2, page: 2 });
    const beyond = await getCatalogPage(t.db, { ...base, pageSize: 2, page: 5 });
    expect([first.total, second.total, beyond.total]).toEqual([3, 3, 3]);
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect(beyond.items).toHaveLength(0);
    expect(new Set([...slugs(first), ...slugs(second)]).size).toBe(3);
    expect({ page: second.page, pageSize: second.pageSize }).toEqual({ page: 2, pageSize: 2 });
  });

  it("returns a flow's page with step titles only, and the text only through the entitled query", async () => {
    const flow = await getFlowBySlug(t.db, { slug: "resolve-merge-conflict" });
    expect(flow).not.toBeNull();
    expect(flow!.stepTitles).toEqual(["Open the pull request", "Commit the merge"]);
    expect(flow!.creator).toEqual({ handle: "ada", name: "Ada Lovelace", bio: "Ada Lovelace writes flows." });
    expect(JSON.stringify(flow)).not.toContain("SECRET");
    const json = toFlowJson(flow!, null);
    expect(json.steps).toEqual(["Open the pull request", "Commit the merge"]);
    expect(json).not.toHaveProperty("promptText");
    expect(json).not.toHaveProperty("id");

    const text = await getFlowPromptForEntitledUser(t.db, { slug: "resolve-merge-conflict" });
    expect(text!.promptText).toBe(SECRET_PROMPT);
    expect(text!.steps[0]).toEqual({ title: "Open the pull request", body: SECRET_STEP_BODY });
    expect(toFlowJson(flow!, text).promptText).toBe(SECRET_PROMPT);

    expect(await getFlowBySlug(t.db, { slug: "draft-merge-helper" })).toBeNull();
    expect(await getFlowBySlug(t.db, { slug: "old-merge-flow" })).toBeNull();
    expect(await getFlowPromptForEntitledUser(t.db, { slug: "old-merge-flow" })).toBeNull();
    expect(await getFlowBySlug(t.db, { slug: "no-such-flow" })).toBeNull();
  });

  it("counts copies this month from flow_copy_days (UTC calendar month)", async () => {
    const flow = await getFlowBySlug(t.db, { slug: "thread-to-markdown" });
    const now = new Date();
    const firstOfMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const lastOfPrevious = new Date(firstOfMonth.getTime() - DAY_MS);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const rows = [
      { flowId: flow!.id, day: day(firstOfMonth), copies: 2 },
      { flowId: flow!.id, day: day(lastOfPrevious), copies: 7 },
    ];
    if (day(now) !== day(firstOfMonth)) rows.push({ flowId: flow!.id, day: day(now), copies: 3 });
    await t.db.insert(flowCopyDays).values(rows);
    const expected = day(now) !== day(firstOfMonth) ? 5 : 2;
    expect((await getFlowBySlug(t.db, { slug: "thread-to-markdown" }))!.copiesThisMonth).toBe(expected);
    expect((await getFlowBySlug(t.db, { slug: "amazon-price-watch" }))!.copiesThisMonth).toBe(0);
  });

  it("lists facets by frequency among published flows", async () => {
    const facets = await listFacets(t.db);
    expect(facets.agents[0]).toEqual({ value: "Claude for Chrome", count: 2 });
    expect(facets.agents.map((a) => a.value).sort()).toEqual([
      "ChatGPT Atlas",
      "Claude for Chrome",
      "Perplexity Comet",
    ]);
    expect(facets.sites.map((s) => s.value).sort()).toEqual(["amazon.com", "github.com", "x.com"]);
    expect(facets.tags).toHaveLength(6);
    expect((await listFacets(t.db, { tags: 2 })).tags).toHaveLength(2);
  });

  it("finds a creator by handle and lists their published flows, newest first", async () => {
    const ada = await getCreatorByHandle(t.db, { handle: "ada" });
    expect(ada).toMatchObject({
      handle: "ada",
      name: "Ada Lovelace",
      bio: "Ada Lovelace writes flows.",
      publishedFlows: 2,
    });
    expect(ada).not.toHaveProperty("email");
    expect(await getCreatorByHandle(t.db, { handle: "nobody" })).toBeNull();
    const page = await listCreatorFlows(t.db, { handle: "ada", page: 1 });
    expect(slugs(page)).toEqual(["thread-to-markdown", "resolve-merge-conflict"]);
    expect(page.total).toBe(2);
    expect((await listCreatorFlows(t.db, { handle: "nobody", page: 1 })).total).toBe(0);
  });

  it("lists every published slug for the sitemap", async () => {
    const rows = await listPublishedSlugs(t.db);
    expect(rows.map((r) => r.slug).sort()).toEqual([
      "amazon-price-watch",
      "resolve-merge-conflict",
      "thread-to-markdown",
    ]);
    expect(rows[0]!.updatedAt).toBeInstanceOf(Date);
  });
});

describe("catalogue params", () => {
  it("applies defaults and treats empty values as absent", () => {
    expect(parseCatalogParams(new URLSearchParams("q=&agent=&sort="))).toEqual({
      sort: "popular",
      page: 1,
      pageSize: 20,
    });
    expect(parseCatalogParams(new URLSearchParams("q=merge&page=3&pageSize=100&access=free&sort=liked"))).toEqual({
      q: "merge",
      access: "free",
      sort: "liked",
      page: 3,
      pageSize: 100,
    });
  });

  it("rejects bad values for the API with the field at fault", () => {
    for (const [query, field] of [
      ["pageSize=101", "pageSize"],
      ["page=0", "page"],
      ["page=abc", "page"],
      ["sort=random", "sort"],
      ["access=paid", "access"],
    ] as const) {
      const error = (() => {
        try {
          parseCatalogParams(new URLSearchParams(query));
        } catch (e) {
          return e as { issues?: Array<{ path: string[] }> };
        }
        return null;
      })();
      expect(error?.issues?.[0]?.path).toEqual([field]);
    }
  });

  it("falls back to defaults for pages", () => {
    expect(
      parseCatalogParamsLeniently({
        sort: "random",
        page: "-2",
        pageSize: "500",
        access: "paid",
        q: "merge",
        tag: ["git", "x"],
      }),
    ).toEqual({ q: "merge", tag: "git", sort: "popular", page: 1, pageSize: 20 });
  });
});

describe("catalogue query plans", () => {
  const AGENTS = [
    "Perplexity Comet",
    "ChatGPT Atlas",
    "Opera Neon",
    "Manus",
    "Browser Use",
    "Playwright MCP",
    "Claude for Chrome",
    "Gemini in Chrome",
    "Copilot Mode in Edge",
    "Dia",
  ];
  const WORDS = [
    "invoice",
    "calendar",
    "github",
    "amazon",
    "linkedin",
    "notion",
    "slack",
    "figma",
    "stripe",
    "jira",
    "airbnb",
    "zillow",
    "reddit",
    "youtube",
    "gmail",
    "trello",
    "shopify",
    "hubspot",
    "zendesk",
    "salesforce",
  ];

  beforeAll(async () => {
    await t.reset();
    const { ada } = await seedSmallCatalogue();
    // ~3,000 flows in one statement; about 10% are drafts. A synchronous commit: the throwaway PostgreSQL runs with
    // synchronous_commit=off, and VACUUM cannot mark pages all-visible until the inserting commit is flushed.
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local synchronous_commit = on`);
      await tx.execute(sql`
      insert into flows (slug, title, summary, prompt_text, steps, category, agents, sites, tags, is_premium, status,
                         creator_id, tenant_id, copy_count, recent_copy_count, like_count, published_at)
      select 'generated-' || g,
             'Automate ' || (${`{${WORDS.join(",")}}`}::text[])[1 + g % 20] || ' task ' || g,
             'Generated summary ' || g,
             'Generated prompt text for flow ' || g || ' with some instructions to follow.',
             jsonb_build_array(jsonb_build_object('title', 'Step one', 'body', 'Body ' || g)),
             'Productivity',
             array[(${`{${AGENTS.map((a) => `"${a}"`).join(",")}}`}::text[])[1 + g % 10]],
             array['site' || (g % 40) || '.com'],
             array['tag' || (g % 60), 'topic' || (g % 7)],
             g % 3 = 0,
             case when g % 10 = 0 then 'draft' else 'published' end,
             ${ada.userId}, ${ada.tenantId},
             (g * 13) % 500, (g * 7) % 97, (g * 11) % 101,
             case when g % 10 = 0 then null else now() - g * interval '1 hour' end
      from generate_series(1, 3000) g`);
    });
    // What autovacuum does on a live database: statistics and the visibility map the planner costs scans with.
    await t.db.execute(sql`vacuum analyze flows`);
    await t.db.execute(sql`analyze users`);
  });

  async function plan(query: { getSQL(): SQL }): Promise<string> {
    const rows = await queryRows<Record<string, string>>(t.db, sql`explain ${query.getSQL()}`);
    return rows.map((r) => Object.values(r)[0]).join("\n");
  }

  const cases: Array<[string, CatalogQuery]> = [
    ["search", { ...base, q: "calendar" }],
    ["agent filter", { ...base, agent: "Opera Neon" }],
    ["sort popular", { ...base, sort: "popular" }],
    ["sort new", { ...base, sort: "new" }],
    ["sort liked", { ...base, sort: "liked" }],
  ];

  it.each(cases)("%s: no sequential scan of flows (items and count)", async (_name, params) => {
    const filters = await prepareCatalogFilters(t.db, params);
    const items = await plan(catalogItemsQuery(t.db, filters));
    const count = await plan(catalogCountQuery(t.db, filters));
    // DEBUG_PLANS=1 prints them.
    if (process.env.DEBUG_PLANS) console.log(`--- ${_name}\n${items}\n--- count\n${count}`);
    expect(items).not.toMatch(/Seq Scan on flows/);
    expect(count).not.toMatch(/Seq Scan on flows/);
    // Real results, too.
    const page = await getCatalogPage(t.db, params);
    expect(page.items).toHaveLength(20);
    expect(page.total).toBeGreaterThan(20);
  });
});
