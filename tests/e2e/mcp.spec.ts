// The MCP server over real HTTP: the SDK's own Client and StreamableHTTPClientTransport against `next start` and
// the Stripe sandbox. Browser pages only make the accounts (register, checkout, /account/tokens, publishing) the
// way a person does; every MCP exchange is the SDK talking HTTP to /api/mcp.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { becomePayingSubscriber, createToken, registerMember, revokeToken, startTrial } from "./support/accounts";
import { seededFlows } from "./support/seeded";

/** The app's origin, from Playwright's `baseURL` (the e2e server's port). */
let APP = "";
const endpoint = () => `${APP}/api/mcp`;

test.beforeEach(({ baseURL }) => {
  APP = baseURL ?? "";
});

async function connect(token: string): Promise<Client> {
  const client = new Client({ name: "flowtab-e2e", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(endpoint()), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    }),
  );
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}) {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

type Copy = { id: string; countedForPayout: boolean; alreadyCopied: boolean; copiesThisPeriod: number };
type FetchedFlow = { flow: { slug: string }; promptText: string; copy: Copy | null };
type Earnings = { thisMonthCents: number; months: Array<{ qualifyingCopies: number; earnedCents: number }> };

/** A raw initialize POST, to read the HTTP status and headers the SDK hides behind an exception. */
function initialize(authorization?: string) {
  return fetch(endpoint(), {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json, text/event-stream",
      ...(authorization ? { Authorization: authorization } : {}),
    },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "e2e", version: "1" } },
    }),
  });
}

const FLOW_STAMP = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const FLOW_TITLE = `Relay the Trello done column to Slack ${FLOW_STAMP}`;
const FLOW_MARKDOWN = `---
title: ${FLOW_TITLE}
summary: Reads the Done column of a Trello board and posts a short digest of what shipped to a Slack channel.
agents: Claude for Chrome
sites: trello.com, slack.com
tags: release-notes, trello
category: Productivity
premium: true
---

# ${FLOW_TITLE}

## Inputs

- \`{{board_url}}\`: the board's URL.
- \`{{slack_channel}}\`: where the digest goes.

## Steps

1. **Open the board**: Go to {{board_url}} and wait until every list has loaded.
2. **Post it**: Open {{slack_channel}} in Slack, paste the digest and send it.
`;

/** A member publishes one premium flow with two inputs through the importer; returns its slug. */
async function publishFlow(page: Page, request: APIRequestContext): Promise<string> {
  await page.goto("/creator/flows/new");
  await page
    .getByLabel("Flow file")
    .setInputFiles({ name: "relay.md", mimeType: "text/markdown", buffer: Buffer.from(FLOW_MARKDOWN) });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(FLOW_TITLE);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page).toHaveURL(/\/creator\/flows\?notice=published/);
  const found = await (await request.get(`/api/v1/flows?q=${encodeURIComponent(FLOW_STAMP)}`)).json();
  expect(found.items.map((item: { title: string }) => item.title)).toEqual([FLOW_TITLE]);
  return found.items[0].slug as string;
}

async function earnings(request: APIRequestContext): Promise<Earnings> {
  const response = await request.get("/api/v1/creators/me/earnings");
  expect(response.status()).toBe(200);
  return (await response.json()) as Earnings;
}

test.describe("MCP server at /api/mcp", () => {
  test("a subscriber's agent lists, searches and loads a flow: one copy with source mcp, one 7c credit", async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const creatorContext = await browser.newContext();
    const subscriberContext = await browser.newContext();
    try {
      const creatorPage = await creatorContext.newPage();
      await registerMember(creatorPage, "Mia Maker");
      const slug = await publishFlow(creatorPage, creatorContext.request);

      const subscriberPage = await subscriberContext.newPage();
      const email = await registerMember(subscriberPage, "Sid Subscriber");
      await becomePayingSubscriber(subscriberPage, email);
      const saved = await subscriberContext.request.put(`/api/v1/flows/${slug}/save`);
      expect(saved.status()).toBe(200);
      const client = await connect(await createToken(subscriberPage, "agent"));

      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(["search_flows", "get_flow", "my_library", "account"]);
      const { prompts } = await client.listPrompts();
      expect(prompts).toEqual([
        {
          name: slug,
          title: FLOW_TITLE,
          description:
            "Reads the Done column of a Trello board and posts a short digest of what shipped to a Slack channel.",
          arguments: [
            { name: "board_url", description: "the board's URL.", required: false },
            { name: "slack_channel", description: "where the digest goes.", required: false },
          ],
        },
      ]);

      const search = await call(client, "search_flows", { query: FLOW_STAMP, site: "trello.com" });
      expect(search.structuredContent).toMatchObject({
        total: 1,
        items: [{ slug, title: FLOW_TITLE, isPremium: true }],
      });
      expect(JSON.stringify(search)).not.toContain("{{board_url}}");

      const before = await earnings(creatorContext.request);
      expect(before.thisMonthCents).toBe(0);

      const first = (await call(client, "get_flow", { slug })).structuredContent as FetchedFlow;
      expect(first.promptText).toContain("1. **Open the board**: Go to {{board_url}}");
      expect(first.copy).toMatchObject({ countedForPayout: true, alreadyCopied: false, copiesThisPeriod: 1 });
      const afterFirst = await earnings(creatorContext.request);
      expect(afterFirst.thisMonthCents).toBe(7);
      expect(afterFirst.months[0]).toMatchObject({ qualifyingCopies: 1, earnedCents: 7 });

      const second = (await call(client, "get_flow", { slug })).structuredContent as FetchedFlow;
      expect(second.copy).toMatchObject({ id: first.copy?.id, countedForPayout: false, alreadyCopied: true });
      // The prompt is the same flow, so it is the same copy: nothing more is counted; its arguments are filled in.
      const prompt = await client.getPrompt({ name: slug, arguments: { slack_channel: "#releases" } });
      const text = (prompt.messages[0]?.content as { text: string }).text;
      expect(text).toContain("2. **Post it**: Open #releases in Slack");
      expect(text).toContain("Go to {{board_url}}");
      expect(prompt._meta).toMatchObject({ copy: { id: first.copy?.id, alreadyCopied: true } });
      expect((await earnings(creatorContext.request)).thisMonthCents).toBe(7);

      // The copy row says where it came from, and the creator's dashboard counts it like any other copy.
      const library = await call(client, "my_library");
      expect(library.structuredContent).toMatchObject({
        copiesThisPeriod: { total: 1, items: [{ slug, source: "mcp", countedForPayout: true }] },
      });
      const account = await call(client, "account");
      expect(account.structuredContent).toMatchObject({
        plan: "premium",
        copiesThisPeriod: 1,
        paidCopiesRemaining: 99,
      });
      await creatorPage.goto("/creator");
      const row = creatorPage.getByTestId("flow-stats-row").filter({ hasText: FLOW_TITLE });
      await expect(row.locator('[data-column="copies"]')).toHaveText("1");
      await expect(row.locator('[data-column="qualifying"]')).toHaveText("1");
      await client.close();
    } finally {
      await creatorContext.close();
      await subscriberContext.close();
    }
  });

  test("a trial's 21st distinct fetch is refused with a link to subscribe", async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const email = await registerMember(page, "Tia Trial");
      await startTrial(page, email, { card: false });
      const client = await connect(await createToken(page, "trial agent"));
      // Not the demo creator's flows: other specs count their copies.
      const slugs = (await seededFlows("premium", { count: 21, notDemoCreator: true })).map((item) => item.slug);
      for (const slug of slugs.slice(0, 20)) {
        const loaded = await call(client, "get_flow", { slug });
        expect((loaded.structuredContent as FetchedFlow).copy, `${slug}: ${JSON.stringify(loaded)}`).toMatchObject({
          alreadyCopied: false,
          countedForPayout: false,
        });
      }
      const refused = await call(client, "get_flow", { slug: slugs[20] });
      expect(refused.isError).toBe(true);
      expect(refused.structuredContent).toEqual({
        error: {
          code: "quota_exceeded",
          message: "Your free trial includes 20 copies. Subscribe to keep copying.",
          checkoutUrl: `${APP}/pricing`,
          retryAfterSeconds: expect.any(Number),
        },
      });
      expect(JSON.stringify(refused)).not.toContain("promptText");
      expect((await call(client, "account")).structuredContent).toMatchObject({ plan: "trial", copiesThisPeriod: 20 });
      await client.close();
    } finally {
      await context.close();
    }
  });

  test("no token, a revoked token, a missing scope and a member without premium are refused", async ({ browser }) => {
    test.setTimeout(180_000);
    const none = await initialize();
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="flowtab"');
    await expect(connect("ft_not_a_real_token_at_all_0000000000")).rejects.toMatchObject({ code: 401 });

    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await registerMember(page, "Max Member");
      const full = await createToken(page, "agent");
      const readOnly = await createToken(page, "reader", ["flows:read"]);
      const copyOnly = await createToken(page, "copier", ["flows:copy"]);
      const revoked = await createToken(page, "old agent");
      await revokeToken(page, "old agent");

      const refused = await initialize(`Bearer ${revoked}`);
      expect(refused.status).toBe(401);
      expect(refused.headers.get("www-authenticate")).toBe('Bearer realm="flowtab", error="invalid_token"');
      expect((await refused.json()).error).toEqual({ code: "unauthorized", message: "Invalid or revoked API token." });
      await expect(connect(revoked)).rejects.toMatchObject({ code: 401 });

      const [premium] = await seededFlows("premium");
      const reader = await connect(readOnly);
      expect((await call(reader, "get_flow", { slug: premium!.slug })).structuredContent).toEqual({
        error: { code: "forbidden", message: "This API token lacks the flows:copy scope." },
      });
      const copier = await connect(copyOnly);
      expect((await call(copier, "search_flows", { query: "github" })).structuredContent).toEqual({
        error: { code: "forbidden", message: "This API token lacks the flows:read scope." },
      });

      const member = await connect(full);
      const denied = await call(member, "get_flow", { slug: premium!.slug });
      expect(denied.isError).toBe(true);
      expect(denied.structuredContent).toEqual({
        error: {
          code: "premium_required",
          message: "Premium subscription required.",
          pricingUrl: `${APP}/pricing`,
        },
      });
      expect(JSON.stringify(denied)).not.toContain("promptText");
      expect((await call(member, "account")).structuredContent).toMatchObject({ plan: "free", copiesThisPeriod: 0 });
      // Only the MCP server records source "mcp": the JSON copy endpoint refuses it from a client.
      const claimed = await context.request.post(`/api/v1/flows/${premium!.slug}/copy`, { data: { source: "mcp" } });
      expect(claimed.status()).toBe(422);
      expect((await claimed.json()).error.field).toBe("source");
      await Promise.all([reader.close(), copier.close(), member.close()]);
    } finally {
      await context.close();
    }
  });
});
