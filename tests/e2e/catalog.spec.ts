import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { registerMember } from "./support/accounts";
import { pageAs, signedIn, uniqueClientIp, uniqueEmail, type DemoRole } from "./support/auth";
import { seededFlows } from "./support/seeded";

// The public catalogue against the seeded e2e server (>= 200 flows, demo accounts).

type Item = { slug: string; title: string; isPremium: boolean; agents: string[] };
type FlowJson = Item & { steps: string[]; promptText?: string };

async function listFlows(request: APIRequestContext, query: string): Promise<{ items: Item[]; total: number }> {
  const res = await request.get(`/api/v1/flows?${query}`);
  expect(res.status()).toBe(200);
  return res.json();
}

/**
 * A premium flow's text as its entitled reader takes it: the copy endpoint (the JSON read never carries it).
 * Records a copy for the subscriber, which is what a reader pressing Copy does.
 */
async function premiumText(subscriber: APIRequestContext, slug: string): Promise<string> {
  const res = await subscriber.post(`/api/v1/flows/${slug}/copy`, { data: { source: "api" } });
  expect(res.status(), `the subscriber copies ${slug}`).toBe(200);
  return ((await res.json()) as { promptText: string }).promptText;
}

/** An API client with the demo account's saved session. */
async function signedInContext(role: DemoRole): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL, storageState: signedIn(role) });
}

/**
 * A 60-character window of the text made only of characters that HTML, JSON and the RSC payload all print
 * verbatim (no quotes, ampersands, angle brackets or newlines), so "absent" cannot pass because of escaping.
 */
function plainSlice(text: string, length = 60, from = Math.floor(text.length / 3)): string {
  const plain = /^[A-Za-z0-9 ,.:;()/-]+$/;
  for (let start = from; start + length <= text.length; start++) {
    const window = text.slice(start, start + length);
    if (plain.test(window) && /[a-z]{4}/.test(window)) return window;
  }
  for (let start = 0; start + length <= text.length; start++) {
    const window = text.slice(start, start + length);
    if (plain.test(window) && /[a-z]{4}/.test(window)) return window;
  }
  throw new Error("no plain 60-character window in the prompt text");
}

/**
 * A plain piece (24-40 characters) of one step body, found where the seed renders steps into the prompt
 * ("1. **Title.** Body"): the API gives an entitled caller the prompt text and the step titles.
 */
function stepBodySlice(promptText: string, stepTitles: string[]): string | null {
  for (const title of stepTitles) {
    const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const body = new RegExp(`\\*\\*${escaped}\\.?\\*\\* (.+)`).exec(promptText)?.[1];
    const plain = body?.match(/[A-Za-z0-9 ,.:;()/-]{24,}/)?.[0]?.trim();
    if (plain && plain.length >= 20) return plain.slice(0, 40);
  }
  return null;
}

test.describe("catalogue browsing", () => {
  test("a visitor searches, filters by agent and paginates; the URL keeps the state", async ({ page }) => {
    await page.goto("/flows");
    await expect(page.getByRole("heading", { level: 1, name: "Browse flows" })).toBeVisible();
    await expect(page.getByText(/Showing 1–20 of \d+ flows/)).toBeVisible();
    const cards = page.getByRole("list", { name: "Flows", exact: true }).locator(":scope > li");
    await expect(cards).toHaveCount(20);

    // Search with the keyboard: type, Enter.
    const search = page.getByRole("searchbox", { name: "Search flows" });
    await search.fill("report");
    await search.press("Enter");
    await expect(page).toHaveURL(/\/flows\?q=report$/);
    await expect(page.getByRole("link", { name: /Remove search filter/ })).toBeVisible();

    // Filter by the most common agent (first option after "Any agent").
    const agentSelect = page.getByRole("combobox", { name: "Agent", exact: true });
    const agent = await agentSelect.locator("option").nth(1).getAttribute("value");
    expect(agent).toBeTruthy();
    await agentSelect.selectOption(agent!);
    await page.getByRole("button", { name: "Apply" }).click();
    const agentParam = new URLSearchParams({ agent: agent! }).toString();
    await expect(page).toHaveURL(new RegExp(`/flows\\?q=report&${agentParam.replace(/[+]/g, "\\+")}$`));
    const summary = page.getByText(/Showing 1–\d+ of \d+ flows/);
    await expect(summary).toBeVisible();
    const total = Number(/of (\d+) flows/.exec((await summary.textContent()) ?? "")?.[1]);
    expect(total).toBeGreaterThan(20);

    // Every card on the page is tested with that agent (the API says so for the same query).
    const api = await listFlows(page.request, `q=report&${agentParam}`);
    expect(api.total).toBe(total);
    expect(api.items.every((i) => i.agents.includes(agent!))).toBe(true);

    // Page 2 keeps the search and the filter, in the URL and in the form.
    await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: /Next/ }).click();
    await expect(page).toHaveURL(/[?&]page=2(&|$)/);
    const url = new URL(page.url());
    expect(url.searchParams.get("q")).toBe("report");
    expect(url.searchParams.get("agent")).toBe(agent);
    await expect(page.getByText(new RegExp(`Showing 21–\\d+ of ${total} flows`))).toBeVisible();
    await expect(search).toHaveValue("report");
    await expect(agentSelect).toHaveValue(agent!);

    // The same URL loaded fresh shows the same page (stable, shareable).
    await page.goto(url.pathname + url.search);
    await expect(page.getByText(new RegExp(`Showing 21–\\d+ of ${total} flows`))).toBeVisible();

    // Back to page 1 with the browser.
    await page.goBack();
    await page.goBack();
    await expect(page.getByText(/Showing 1–20 of/)).toBeVisible();
  });

  test("the search form is a plain GET form: it works before (or without) the app's JavaScript", async ({ page }) => {
    // Block the app bundles so nothing hydrates; the form must still submit by itself.
    await page.route("**/_next/static/**/*.js", (route) => route.abort());
    await page.goto("/flows");
    await page.getByRole("combobox", { name: "Access", exact: true }).selectOption("free");
    await page.getByRole("searchbox", { name: "Search flows" }).fill("report");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]access=free/);
    expect(new URL(page.url()).searchParams.get("q")).toBe("report");
    await expect(page.getByRole("link", { name: /Remove access filter: Free/ })).toBeVisible();
    const list = page.getByRole("list", { name: "Flows", exact: true });
    await expect(list.locator(":scope > li").first()).toBeVisible();
    await expect(list.getByText("Premium", { exact: true })).toHaveCount(0);
  });

  test("an empty result offers to clear the filters and popular tags", async ({ page }) => {
    await page.goto("/flows?q=zzzqqxx");
    await expect(page.getByRole("heading", { name: "No flows match “zzzqqxx”" })).toBeVisible();
    await page.getByRole("link", { name: "Clear search and filters" }).click();
    await expect(page).toHaveURL(/\/flows$/);
    await expect(page.getByText(/Showing 1–20 of/)).toBeVisible();
  });

  test("bad query parameters: the page falls back to defaults, the API answers 422 with the field", async ({
    page,
    request,
  }) => {
    await page.goto("/flows?sort=bogus&page=-3&pageSize=5000");
    await expect(page.getByText(/Showing 1–20 of/)).toBeVisible();
    for (const [query, field] of [
      ["pageSize=101", "pageSize"],
      ["sort=bogus", "sort"],
      ["page=0", "page"],
      ["access=paid", "access"],
    ]) {
      const res = await request.get(`/api/v1/flows?${query}`);
      expect(res.status()).toBe(422);
      expect((await res.json()).error).toMatchObject({ code: "validation_failed", field });
    }
  });

  test("unknown flows and creators are 404", async ({ page, request }) => {
    expect((await page.goto("/flows/no-such-flow-here"))?.status()).toBe(404);
    expect((await page.goto("/creators/no-such-creator"))?.status()).toBe(404);
    const res = await request.get("/api/v1/flows/no-such-flow-here");
    expect(res.status()).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
  });
});

test.describe("flow pages", () => {
  test("a premium flow shows the teaser and Start free trial, never the text", async ({ page, request }) => {
    const [premium] = (await listFlows(request, "access=premium&pageSize=1")).items;
    const subscriber = await signedInContext("subscriber");
    const full = (await (await subscriber.get(`/api/v1/flows/${premium!.slug}`)).json()) as FlowJson;
    // Issue 11, case 2: even the subscriber's JSON read has no premium text; the copy endpoint has it.
    expect(full).not.toHaveProperty("promptText");
    full.promptText = await premiumText(subscriber, premium!.slug);
    await subscriber.dispose();
    expect(full.promptText).toBeTruthy();

    await page.goto(`/flows/${premium!.slug}`);
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 1, name: premium!.title })).toBeVisible();
    await expect(main.getByText(full.steps[0]!, { exact: true })).toBeVisible();
    await expect(main.getByRole("heading", { name: "The full flow is for subscribers" })).toBeVisible();
    const trial = main.getByRole("link", { name: "Start free trial" });
    await expect(trial).toHaveAttribute("href", `/register?from=/flows/${premium!.slug}`);
    expect(await page.content()).not.toContain(plainSlice(full.promptText!));
    await expect(main.getByRole("heading", { name: "The prompt" })).toHaveCount(0);
  });

  test("the call to action fits the viewer: member -> Subscribe, subscriber -> Open in Library", async ({
    browser,
    baseURL,
    request,
  }) => {
    const [premium] = (await listFlows(request, "access=premium&pageSize=1")).items;
    const member = await pageAs(browser, "member", baseURL);
    await member.goto(`/flows/${premium!.slug}`);
    await expect(member.getByRole("main").getByRole("link", { name: "Subscribe" })).toHaveAttribute("href", "/pricing");
    const subscriber = await pageAs(browser, "subscriber", baseURL);
    await subscriber.goto(`/flows/${premium!.slug}`);
    await expect(subscriber.getByRole("main").getByRole("link", { name: /Open in Library/ })).toHaveAttribute(
      "href",
      `/library/${premium!.slug}`,
    );
    await Promise.all([member.context().close(), subscriber.context().close()]);
  });

  test("a free flow shows its text to everyone, and a visitor is asked to sign in to copy", async ({
    page,
    request,
  }) => {
    const [free] = (await listFlows(request, "access=free&pageSize=1")).items;
    const json = (await (await request.get(`/api/v1/flows/${free!.slug}`)).json()) as FlowJson;
    expect(json.promptText).toBeTruthy();
    await page.goto(`/flows/${free!.slug}`);
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { name: "The prompt" })).toBeVisible();
    await expect(main.getByLabel("Prompt text")).toContainText(plainSlice(json.promptText!));
    // The same detectors the leak test relies on find the text when it is there: HTML and RSC payload.
    expect(await page.content()).toContain(plainSlice(json.promptText!));
    const rsc = await request.get(`/flows/${free!.slug}`, { headers: { RSC: "1" } });
    expect(rsc.headers()["content-type"]).toContain("text/x-component");
    expect(await rsc.text()).toContain(plainSlice(json.promptText!));
    const body = stepBodySlice(json.promptText!, json.steps);
    expect(body).toBeTruthy();
    expect(await page.content()).toContain(body!);
    await expect(main.getByRole("link", { name: "Sign in to copy" })).toHaveAttribute(
      "href",
      `/login?from=/flows/${free!.slug}`,
    );
    await expect(main.getByRole("link", { name: /^Like/ })).toHaveAttribute("href", `/login?from=/flows/${free!.slug}`);
  });

  test("a new member copies a free flow, likes and saves it (optimistic, persisted)", async ({ page, context }) => {
    const [free] = await seededFlows("free");
    const json = (await (await page.request.get(`/api/v1/flows/${free!.slug}`)).json()) as FlowJson & { likes: number };

    // Register from the flow page's sign-in link and come back to it.
    // A distinct client: registration is limited per IP.
    await page.setExtraHTTPHeaders({ "x-forwarded-for": uniqueClientIp() });
    await page.goto(`/register?from=/flows/${free!.slug}`);
    await page.getByLabel("Name").fill("Cat Alogue");
    await page.getByLabel("Email").fill(uniqueEmail("catalog"));
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(new RegExp(`/flows/${free!.slug}$`));

    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const main = page.getByRole("main");
    await main.getByRole("button", { name: "Copy flow" }).click();
    await expect(page.getByText("Flow copied")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(json.promptText);

    const like = main.getByRole("button", { name: /^Like/ });
    await expect(like).toHaveAttribute("aria-pressed", "false");
    await like.click();
    await expect(like).toHaveAttribute("aria-pressed", "true");
    await expect(like).toContainText(String(json.likes + 1));
    const save = main.getByRole("button", { name: /^Save/ });
    await save.click();
    await expect(save).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByText("Saved to your flows")).toBeVisible();

    await page.reload();
    await expect(main.getByRole("button", { name: /^Like/ })).toHaveAttribute("aria-pressed", "true");
    await expect(main.getByRole("button", { name: /^Save/ })).toHaveAttribute("aria-pressed", "true");
    await main.getByRole("button", { name: /^Like/ }).click();
    await expect(main.getByRole("button", { name: /^Like/ })).toHaveAttribute("aria-pressed", "false");
    await expect(main.getByRole("button", { name: /^Like/ })).toContainText(String(json.likes));
  });

  test("when the Clipboard API is refused, the text opens selected in a dialog", async ({ page }) => {
    await registerMember(page, "Clip Refused"); // the copy is recorded: a member of this test's own
    const [free] = (await listFlows(page.request, "access=free&pageSize=1&sort=liked")).items;
    await page.addInitScript(() => {
      Object.defineProperty(navigator, "clipboard", {
        value: { writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) },
      });
    });
    await page.goto(`/flows/${free!.slug}`);
    await page.getByRole("main").getByRole("button", { name: "Copy flow" }).click();
    const dialog = page.getByRole("dialog", { name: "Copy the flow" });
    await expect(dialog).toBeVisible();
    const textarea = dialog.getByLabel("Flow text");
    await expect(textarea).toBeFocused();
    const selected = await textarea.evaluate((el: HTMLTextAreaElement) => el.selectionEnd - el.selectionStart);
    expect(selected).toBe((await textarea.inputValue()).length);
    expect(selected).toBeGreaterThan(100);
  });

  test("like and save need a session: 401 JSON", async ({ request }) => {
    const [flow] = (await listFlows(request, "pageSize=1")).items;
    for (const path of ["like", "save"]) {
      const res = await request.put(`/api/v1/flows/${flow!.slug}/${path}`);
      expect(res.status()).toBe(401);
      expect((await res.json()).error.code).toBe("unauthorized");
    }
  });
});

test.describe("premium text never leaves the server without entitlement", () => {
  test("HTML, RSC payload, JSON, search and sitemap, signed out and as a member", async () => {
    const premium = await seededFlows("premium", { count: 3 });
    const subscriber = await signedInContext("subscriber");
    const member = await signedInContext("member");
    const anonymous = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });

    try {
      for (const flow of premium) {
        const full = (await (await subscriber.get(`/api/v1/flows/${flow.slug}`)).json()) as FlowJson;
        expect(full, "the JSON read never carries a premium text, even for a subscriber").not.toHaveProperty(
          "promptText",
        );
        full.promptText = await premiumText(subscriber, flow.slug);
        const secrets = [plainSlice(full.promptText!)];
        const body = stepBodySlice(full.promptText!, full.steps);
        expect(body, `a step body of ${flow.slug} found in its prompt text`).toBeTruthy();
        secrets.push(body!);
        for (const secret of secrets) expect(full.promptText).toContain(secret);

        const q = encodeURIComponent(flow.title.split(/\s+/).slice(0, 3).join(" "));
        for (const [who, ctx] of [
          ["signed out", anonymous],
          ["member", member],
        ] as const) {
          const responses = {
            html: await ctx.get(`/flows/${flow.slug}`),
            rsc: await ctx.get(`/flows/${flow.slug}`, { headers: { RSC: "1" } }),
            api: await ctx.get(`/api/v1/flows/${flow.slug}`),
            search: await ctx.get(`/api/v1/flows?q=${q}&pageSize=100`),
            catalogue: await ctx.get(`/flows?q=${q}`),
            sitemap: await ctx.get("/sitemap.xml"),
          };
          for (const [name, res] of Object.entries(responses)) {
            expect(res.status(), `${who} ${name} ${flow.slug}`).toBe(200);
            const text = await res.text();
            for (const secret of secrets) {
              expect(text.includes(secret), `${who} ${name} leaks "${secret}" of ${flow.slug}`).toBe(false);
            }
          }
          const api = (await responses.api.json()) as FlowJson;
          expect(api).not.toHaveProperty("promptText");
          expect(api.steps).toEqual(full.steps);
          const search = (await responses.search.json()) as { items: Item[] };
          expect(search.items.map((i) => i.slug)).toContain(flow.slug);
          expect(await responses.sitemap.text()).toContain(`/flows/${flow.slug}</loc>`);
        }
      }
    } finally {
      await Promise.all([subscriber.dispose(), member.dispose(), anonymous.dispose()]);
    }
  });
});

test.describe("robots and sitemap", () => {
  test("robots.txt keeps crawlers out of private areas and points at the sitemap", async ({ request }) => {
    const text = await (await request.get("/robots.txt")).text();
    for (const path of ["/account", "/creator", "/admin", "/library", "/api"])
      expect(text).toContain(`Disallow: ${path}`);
    expect(text).toMatch(/Sitemap: http:\/\/localhost:\d+\/sitemap\.xml/);
  });

  test("the sitemap lists every published flow with absolute URLs", async ({ request }) => {
    const { total } = await listFlows(request, "pageSize=1");
    const xml = await (await request.get("/sitemap.xml")).text();
    const flowUrls = xml.match(/<loc>http:\/\/localhost:\d+\/flows\/[a-z0-9-]+<\/loc>/g) ?? [];
    expect(flowUrls).toHaveLength(total);
  });
});
