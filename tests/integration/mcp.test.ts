// The MCP server in process: the SDK's own Client and StreamableHTTPClientTransport, whose fetch hands each HTTP
// request to handleMcpRequest (the function behind /api/mcp) on the test database. The e2e spec
// tests/e2e/mcp.spec.ts drives the same server over real HTTP against `next start`.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { perFlowStats } from "@/db/queries/earnings";
import { apiTokenUsage, copyEvents, creatorCredits, flows, saves, tenants } from "@/db/schema";
import type { ApiScope } from "@/db/schema";
import { createApiToken, revokeUserApiToken } from "@/lib/auth/api-tokens";
import { saveFlow } from "@/lib/flows/reactions";
import { handleMcpRequest } from "@/lib/mcp/handler";
import { createTestDb, type TestDb } from "../helpers/db";
import { makeFlows, makeSubscription, makeUser } from "../helpers/world";

const APP_URL = "http://flowtab.test";
const ENDPOINT = `${APP_URL}/api/mcp`;

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

/** Every request the SDK client makes goes to the real handler; nothing of ours is replaced. */
const inProcessFetch = (url: string | URL, init?: RequestInit) =>
  handleMcpRequest(t.db, new Request(url, init), { appUrl: APP_URL });

async function connect(token: string | null): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(ENDPOINT), {
    fetch: inProcessFetch,
    requestInit: token ? { headers: { Authorization: `Bearer ${token}` } } : {},
  });
  const client = new Client({ name: "flowtab-tests", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

async function tokenFor(userId: string, scopes: ApiScope[] = ["flows:read", "flows:copy"]) {
  return createApiToken(t.db, { userId, input: { name: "agent", scopes } });
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}) {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

const PROMPT = [
  "# Watch a price",
  "",
  "## Inputs",
  "- `{{product_url}}`: The product page to watch.",
  "- `{{target}}`: The price that triggers a post.",
  "",
  "## Steps",
  "1. **Open.** Go to {{product_url}}.",
  "2. **Compare.** If the price is below {{ target }}, post it to {{channel}}.",
].join("\n");

/** A creator with one premium flow whose text has inputs, one free flow and `premium` more premium flows. */
async function world(premium = 0) {
  const creator = await makeUser(t.db, "Casey Creator");
  const ref = { userId: creator.user.id, tenantId: creator.tenant.id };
  await t.db.insert(flows).values([
    {
      slug: "watch-a-price",
      title: "Watch a price",
      summary: "Watches a product page.",
      promptText: PROMPT,
      steps: [
        { title: "Open", body: "Go to {{product_url}}." },
        { title: "Compare", body: "If below {{target}}, post." },
      ],
      category: "Shopping",
      sites: ["amazon.com"],
      tags: ["price-tracking"],
      isPremium: true,
      status: "published",
      publishedAt: new Date(),
      creatorId: ref.userId,
      tenantId: ref.tenantId,
    },
    {
      slug: "free-flow",
      title: "A free flow",
      summary: "Open to everyone.",
      promptText: "Free text for {{name}}.",
      category: "Testing",
      isPremium: false,
      status: "published",
      publishedAt: new Date(),
      creatorId: ref.userId,
      tenantId: ref.tenantId,
    },
  ]);
  const more = premium > 0 ? await makeFlows(t.db, ref, premium, { prefix: "more" }) : [];
  return { creator, more };
}

async function copyRows(userId: string) {
  return t.db
    .select({ source: copyEvents.source, countedForPayout: copyEvents.countedForPayout, flowId: copyEvents.flowId })
    .from(copyEvents)
    .where(eq(copyEvents.userId, userId));
}

async function credits(creatorId: string) {
  return t.db
    .select({ amountCents: creatorCredits.amountCents, status: creatorCredits.status })
    .from(creatorCredits)
    .where(eq(creatorCredits.creatorId, creatorId));
}

describe("MCP server (/api/mcp)", () => {
  it("lists the four tools and the caller's saved flows as prompts with their {{inputs}} as arguments", async () => {
    await world();
    const reader = await makeUser(t.db, "Reader");
    await makeSubscription(t.db, reader.tenant.id);
    await saveFlow(t.db, { userId: reader.user.id, slug: "watch-a-price", saved: true });
    const client = await connect((await tokenFor(reader.user.id)).token);

    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(["search_flows", "get_flow", "my_library", "account"]);
    const schemaOf = (name: string) => tools.find((tool) => tool.name === name)?.inputSchema;
    expect(Object.keys(schemaOf("search_flows")?.properties ?? {})).toEqual([
      "query",
      "agent",
      "site",
      "tag",
      "access",
      "sort",
      "page",
    ]);
    expect(schemaOf("get_flow")?.required).toEqual(["slug"]);

    const { prompts } = await client.listPrompts();
    expect(prompts).toEqual([
      {
        name: "watch-a-price",
        title: "Watch a price",
        description: "Watches a product page.",
        arguments: [
          { name: "product_url", description: "The product page to watch.", required: false },
          { name: "target", description: "The price that triggers a post.", required: false },
          { name: "channel", required: false },
        ],
      },
    ]);
    await client.close();
  });

  it("search_flows returns the catalogue's public fields and never a prompt text", async () => {
    await world();
    const member = await makeUser(t.db, "Member");
    const client = await connect((await tokenFor(member.user.id, ["flows:read"])).token);
    const result = await call(client, "search_flows", { query: "price", access: "premium" });
    expect(result.isError).toBeUndefined();
    const page = result.structuredContent as { items: Array<Record<string, unknown>>; total: number };
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      slug: "watch-a-price",
      isPremium: true,
      url: `${APP_URL}/flows/watch-a-price`,
    });
    expect(JSON.stringify(result)).not.toContain("product page to watch");
    expect(JSON.stringify(result)).not.toContain("promptText");

    const bad = await call(client, "search_flows", { page: 0 });
    expect(bad.isError).toBe(true);
    expect(bad.structuredContent).toMatchObject({ error: { code: "validation_failed", field: "page" } });
    await client.close();
  });

  it("search_flows matches premium text only with the plan of the token's own tenant", async () => {
    await world();
    // The reader subscribes personally and also belongs to a team that has no plan.
    const [team] = await t.db.insert(tenants).values({ name: "Planless team", kind: "team" }).returning();
    const reader = await makeUser(t.db, "Reader", { teamTenantId: team!.id });
    await makeSubscription(t.db, reader.tenant.id);
    const scopes: ApiScope[] = ["flows:read"];
    const personal = await connect((await tokenFor(reader.user.id, scopes)).token);
    const teamToken = await createApiToken(t.db, {
      userId: reader.user.id,
      tenantId: team!.id,
      input: { name: "team", scopes },
    });
    const viaTeam = await connect(teamToken.token);

    // "channel" is only in the premium flow's prompt, never in a public field.
    const totalOf = async (client: Client) =>
      ((await call(client, "search_flows", { query: "channel" })).structuredContent as { total: number }).total;
    expect(await totalOf(personal)).toBe(1);
    expect(await totalOf(viaTeam)).toBe(0);
    await personal.close();
    await viaTeam.close();
  });

  it("get_flow on a premium flow is a copy with source mcp: one row, one 7c credit; a repeat counts nothing", async () => {
    const { creator } = await world();
    const reader = await makeUser(t.db, "Reader");
    await makeSubscription(t.db, reader.tenant.id);
    const client = await connect((await tokenFor(reader.user.id)).token);

    const first = await call(client, "get_flow", { slug: "watch-a-price" });
    expect(first.isError).toBeUndefined();
    expect(first.structuredContent).toMatchObject({
      promptText: PROMPT,
      flow: { slug: "watch-a-price", steps: ["Open", "Compare"] },
      copy: { countedForPayout: true, alreadyCopied: false, copiesThisPeriod: 1, paidCopiesRemaining: 99 },
    });
    const second = await call(client, "get_flow", { slug: "watch-a-price" });
    expect(second.structuredContent).toMatchObject({
      promptText: PROMPT,
      copy: { countedForPayout: false, alreadyCopied: true, copiesThisPeriod: 1, paidCopiesRemaining: 99 },
    });
    expect((second.structuredContent as { copy: { id: string } }).copy.id).toBe(
      (first.structuredContent as { copy: { id: string } }).copy.id,
    );

    expect(await copyRows(reader.user.id)).toEqual([
      expect.objectContaining({ source: "mcp", countedForPayout: true }),
    ]);
    expect(await credits(creator.user.id)).toEqual([{ amountCents: 7, status: "pending" }]);
    // The creator dashboard's per-flow table counts it like any other copy.
    const stats = await perFlowStats(t.db, { creatorId: creator.user.id });
    expect(stats.find((s) => s.slug === "watch-a-price")).toMatchObject({
      copies: 1,
      qualifyingCopies: 1,
      earnedCents: 7,
    });

    // my_library shows the copy and where it came from; account shows the usage.
    const library = await call(client, "my_library");
    expect(library.structuredContent).toMatchObject({
      copiesThisPeriod: { total: 1, items: [{ slug: "watch-a-price", source: "mcp", countedForPayout: true }] },
    });
    const account = await call(client, "account");
    expect(account.structuredContent).toMatchObject({
      plan: "premium",
      copiesThisPeriod: 1,
      paidCopiesRemaining: 99,
      premiumAccess: true,
    });
    await client.close();
  });

  it("get_flow on a free flow returns its text and records no copy", async () => {
    await world();
    const member = await makeUser(t.db, "Member");
    const client = await connect((await tokenFor(member.user.id)).token);
    const result = await call(client, "get_flow", { slug: "free-flow" });
    expect(result.structuredContent).toMatchObject({ promptText: "Free text for {{name}}.", copy: null });
    expect(await copyRows(member.user.id)).toEqual([]);
    const missing = await call(client, "get_flow", { slug: "no-such-flow" });
    expect(missing.structuredContent).toEqual({ error: { code: "not_found", message: "Flow not found." } });
    await client.close();
  });

  it("a member without premium gets premium_required with a pricing link, no text, and no copy", async () => {
    await world();
    const member = await makeUser(t.db, "Member");
    const client = await connect((await tokenFor(member.user.id)).token);
    const result = await call(client, "get_flow", { slug: "watch-a-price" });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toEqual({
      error: {
        code: "premium_required",
        message: "Premium subscription required.",
        pricingUrl: `${APP_URL}/pricing`,
      },
    });
    expect(JSON.stringify(result)).not.toContain("{{product_url}}");
    expect(await copyRows(member.user.id)).toEqual([]);
    await client.close();
  });

  it("a trial's 21st distinct fetch is refused with the JSON API's quota error; trial copies credit nobody", async () => {
    const { creator, more } = await world(21);
    const trial = await makeUser(t.db, "Trial");
    await makeSubscription(t.db, trial.tenant.id, { status: "trialing" });
    const client = await connect((await tokenFor(trial.user.id)).token);
    const [twentyFirst, ...firstTwenty] = [more[20], ...more.slice(0, 20)];
    for (const slug of firstTwenty) {
      const ok = await call(client, "get_flow", { slug });
      expect(ok.isError, slug).toBeUndefined();
    }
    const refused = await call(client, "get_flow", { slug: twentyFirst });
    expect(refused.isError).toBe(true);
    expect(refused.structuredContent).toMatchObject({
      error: {
        code: "quota_exceeded",
        message: "Your free trial includes 20 copies. Subscribe to keep copying.",
        checkoutUrl: `${APP_URL}/pricing`,
        retryAfterSeconds: expect.any(Number),
      },
    });
    expect(JSON.stringify(refused)).not.toContain("Secret prompt text");
    // A repeat of an earlier flow is still allowed at the limit.
    const repeat = await call(client, "get_flow", { slug: firstTwenty[0] });
    expect(repeat.structuredContent).toMatchObject({ copy: { alreadyCopied: true, copiesThisPeriod: 20 } });
    expect(await copyRows(trial.user.id)).toHaveLength(20);
    expect(await credits(creator.user.id)).toEqual([]);
    await client.close();
  });

  it("getting a prompt is a copy and fills the arguments in; only saved flows are prompts", async () => {
    const { creator } = await world();
    const reader = await makeUser(t.db, "Reader");
    await makeSubscription(t.db, reader.tenant.id);
    await saveFlow(t.db, { userId: reader.user.id, slug: "watch-a-price", saved: true });
    const client = await connect((await tokenFor(reader.user.id)).token);

    const prompt = await client.getPrompt({
      name: "watch-a-price",
      arguments: { product_url: "https://amazon.com/dp/B0", target: "$20 {{channel}}" },
    });
    expect(prompt.messages).toHaveLength(1);
    const text = (prompt.messages[0]?.content as { text: string }).text;
    expect(text).toContain("1. **Open.** Go to https://amazon.com/dp/B0.");
    // One pass: a value's own braces are never expanded; an argument not given stays a placeholder.
    expect(text).toContain("If the price is below $20 {{channel}}, post it to {{channel}}.");
    expect(prompt._meta).toMatchObject({ copy: { countedForPayout: true, alreadyCopied: false } });
    expect(await copyRows(reader.user.id)).toEqual([expect.objectContaining({ source: "mcp" })]);
    expect(await credits(creator.user.id)).toEqual([{ amountCents: 7, status: "pending" }]);

    await expect(client.getPrompt({ name: "free-flow" })).rejects.toMatchObject({
      code: -32602,
      message: expect.stringContaining("No saved flow has this name"),
    });
    await client.close();
  });

  it("a member's saved premium flow is listed without its inputs, and getting it is refused", async () => {
    await world();
    const member = await makeUser(t.db, "Member");
    await saveFlow(t.db, { userId: member.user.id, slug: "watch-a-price", saved: true });
    await saveFlow(t.db, { userId: member.user.id, slug: "free-flow", saved: true });
    const client = await connect((await tokenFor(member.user.id)).token);
    const { prompts } = await client.listPrompts();
    expect(prompts).toEqual([
      {
        name: "free-flow",
        title: "A free flow",
        description: "Open to everyone.",
        arguments: [{ name: "name", required: false }],
      },
      {
        name: "watch-a-price",
        title: "Watch a price",
        description: "Watches a product page. (Premium flow: a subscription is required to load it.)",
      },
    ]);
    await expect(client.getPrompt({ name: "watch-a-price" })).rejects.toMatchObject({
      code: -32600,
      message: "MCP error -32600: Premium subscription required.",
      data: { error: { code: "premium_required", pricingUrl: `${APP_URL}/pricing` } },
    });
    expect(await copyRows(member.user.id)).toEqual([]);
    await client.close();
  });

  it("scopes are checked per tool and per prompt request", async () => {
    await world();
    const reader = await makeUser(t.db, "Reader");
    await makeSubscription(t.db, reader.tenant.id);
    await saveFlow(t.db, { userId: reader.user.id, slug: "watch-a-price", saved: true });
    const readOnly = await connect((await tokenFor(reader.user.id, ["flows:read"])).token);
    expect((await call(readOnly, "get_flow", { slug: "watch-a-price" })).structuredContent).toEqual({
      error: { code: "forbidden", message: "This API token lacks the flows:copy scope." },
    });
    await expect(readOnly.getPrompt({ name: "watch-a-price" })).rejects.toMatchObject({ code: -32600 });
    expect((await readOnly.listPrompts()).prompts).toHaveLength(1);

    const copyOnly = await connect((await tokenFor(reader.user.id, ["flows:copy"])).token);
    for (const name of ["search_flows", "my_library", "account"]) {
      expect((await call(copyOnly, name)).structuredContent, name).toEqual({
        error: { code: "forbidden", message: "This API token lacks the flows:read scope." },
      });
    }
    await expect(copyOnly.listPrompts()).rejects.toMatchObject({ code: -32600 });
    expect(await copyRows(reader.user.id)).toEqual([]);
    await readOnly.close();
    await copyOnly.close();
  });

  it("no token, an unknown token and a revoked token get 401 with WWW-Authenticate: Bearer", async () => {
    const reader = await makeUser(t.db, "Reader");
    const { token, record } = await tokenFor(reader.user.id);
    await revokeUserApiToken(t.db, { userId: reader.user.id, tokenId: record.id });
    const initialize = {
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "curl", version: "1" } },
    };
    const post = (authorization?: string) =>
      inProcessFetch(ENDPOINT, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          ...(authorization ? { authorization } : {}),
        },
        body: JSON.stringify(initialize),
      });
    const none = await post();
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="flowtab"');
    expect((await none.json()).error.code).toBe("unauthorized");
    for (const bearer of [`Bearer ${token}`, "Bearer ft_not_a_real_token_at_all_0000000000"]) {
      const refused = await post(bearer);
      expect(refused.status).toBe(401);
      expect(refused.headers.get("www-authenticate")).toBe('Bearer realm="flowtab", error="invalid_token"');
    }
    await expect(connect(null)).rejects.toMatchObject({ code: 401 });
    await expect(connect(token)).rejects.toMatchObject({ code: 401 });
    // A live token gets through, so the refusals above are about the token.
    const live = await tokenFor(reader.user.id);
    expect((await post(`Bearer ${live.token}`)).status).toBe(200);
  });

  it("each POST counts against the token's daily quota: past it, 429 with Retry-After", async () => {
    const member = await makeUser(t.db, "Member");
    const { token, record } = await tokenFor(member.user.id);
    const client = await connect(token);
    // initialize and notifications/initialized were two requests; the free plan allows 200 a day.
    const usage = await t.db.select().from(apiTokenUsage).where(eq(apiTokenUsage.tokenId, record.id));
    expect(usage.map((row) => row.requests)).toEqual([2]);
    await t.db
      .update(apiTokenUsage)
      .set({ requests: 199 })
      .where(sql`${apiTokenUsage.tokenId} = ${record.id}`);
    expect((await call(client, "account")).structuredContent).toMatchObject({ plan: "free" });
    await expect(call(client, "account")).rejects.toMatchObject({ code: 429 });
    const refused = await inProcessFetch(ENDPOINT, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe("quota_exceeded");
    await client.close();
  });

  it("a bare tools/call without a handshake answers (the curl example on /docs/mcp)", async () => {
    await world();
    const member = await makeUser(t.db, "Member");
    const { token } = await tokenFor(member.user.id);
    const response = await inProcessFetch(ENDPOINT, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        "mcp-protocol-version": "2025-06-18",
      },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "tools/call",
        params: { name: "search_flows", arguments: { query: "price", site: "amazon.com" } },
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = await response.json();
    expect(body).toMatchObject({ jsonrpc: "2.0", id: 1, result: { structuredContent: { total: 1 } } });
  });

  it("a JSON-RPC batch, a malformed body and a huge body are refused before any tool runs", async () => {
    await world();
    const member = await makeUser(t.db, "Member");
    const { token } = await tokenFor(member.user.id);
    const post = (body: string) =>
      inProcessFetch(ENDPOINT, {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
        },
        body,
      });
    const search = { jsonrpc: "2.0", method: "tools/call", params: { name: "search_flows", arguments: {} } };
    const batch = await post(JSON.stringify([1, 2, 3].map((id) => ({ ...search, id }))));
    expect(batch.status).toBe(400);
    expect((await batch.json()).error).toEqual({
      code: "bad_request",
      message: "The request body must be a JSON object.",
    });
    expect((await post("{not json")).status).toBe(400);
    expect((await post(JSON.stringify({ ...search, id: 1, pad: "x".repeat(70_000) }))).status).toBe(413);
    expect((await post(JSON.stringify({ ...search, id: 1 }))).status).toBe(200);
  });

  it("GET and DELETE are 405: no sessions, no server-to-client stream", async () => {
    for (const method of ["GET", "DELETE"]) {
      const response = await inProcessFetch(ENDPOINT, { method });
      expect(response.status, method).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
    }
  });

  it("saves outside the caller are invisible: another user's saved flow is not their prompt", async () => {
    await world();
    const ann = await makeUser(t.db, "Ann");
    const bob = await makeUser(t.db, "Bob");
    await makeSubscription(t.db, bob.tenant.id);
    await saveFlow(t.db, { userId: ann.user.id, slug: "watch-a-price", saved: true });
    const client = await connect((await tokenFor(bob.user.id)).token);
    expect((await client.listPrompts()).prompts).toEqual([]);
    await expect(client.getPrompt({ name: "watch-a-price" })).rejects.toMatchObject({ code: -32602 });
    expect(await t.db.select().from(saves)).toHaveLength(1);
    expect(await copyRows(bob.user.id)).toEqual([]);
    await client.close();
  });
});
