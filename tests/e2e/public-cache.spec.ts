// Public pages from Next's cache (issue 13 item 3): the same HTML for every visitor, served from the cache, expired
// at once when a flow is unpublished; each viewer's own call to action comes from the client islands.
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { registerMember } from "./support/accounts";
import { pageAs, visitorPage } from "./support/auth";

const FIXTURES = path.join(import.meta.dirname, "../fixtures/flows");
const TITLE = "Turn a Trello board into a weekly release digest";
// Words of the fixture's steps, which are premium: never in a public page.
const PREMIUM_TEXT = "wait until every list has loaded";

/** Two signed-out GETs: the second must come from the cache. Returns its status and body. */
async function fetchTwice(visitor: APIRequestContext, url: string) {
  await visitor.get(url);
  const response = await visitor.get(url);
  return { status: response.status(), cache: response.headers()["x-nextjs-cache"], body: await response.text() };
}

test.describe("public pages from the cache", () => {
  test("a published flow's page, search and creator page come from the cache and go at once on Unpublish", async ({
    page,
    baseURL,
  }) => {
    const visitor = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    await registerMember(page, "Cora Cache", "/creator/flows/new");
    await page.getByLabel("Flow file").setInputFiles(path.join(FIXTURES, "good-flow.md"));
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue(TITLE);
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page).toHaveURL(/\/creator\/flows\?notice=published/);

    const search = `/flows?q=${encodeURIComponent("weekly release digest trello")}`;
    const found = await fetchTwice(visitor, search);
    expect(found.status).toBe(200);
    expect(found.cache).toBe("HIT");
    const slug = /href="\/flows\/(turn-a-trello-board-into-a-weekly-release-digest[a-z0-9-]*)"/.exec(found.body)?.[1];
    expect(slug).toBeTruthy();

    const flowPage = await fetchTwice(visitor, `/flows/${slug}`);
    expect(flowPage.status).toBe(200);
    expect(flowPage.cache).toBe("HIT");
    expect(flowPage.body).toContain(TITLE);
    expect(flowPage.body).not.toContain(PREMIUM_TEXT);
    // The cached HTML is the signed-out version; nobody's own call to action is in it.
    expect(flowPage.body).toContain("Start free trial");
    expect(flowPage.body).not.toContain("Open in Library");

    await page.goto("/creator/flows");
    await page
      .getByRole("button", { name: `Unpublish ${TITLE}` })
      .first()
      .click();
    await expect(page).toHaveURL(/notice=unpublished/);

    expect((await visitor.get(`/flows/${slug}`)).status()).toBe(404);
    expect(await (await visitor.get(search)).text()).not.toContain(`/flows/${slug}"`);
    await visitor.dispose();
  });

  test("/cached routes are not addressable: only middleware picks a search scope", async ({ baseURL }) => {
    const visitor = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    expect((await visitor.get("/cached/flows/full/-")).status()).toBe(404);
    expect((await visitor.get("/cached/creators/demo-creator/1")).status()).toBe(404);
    await visitor.dispose();
  });

  test("each viewer gets their own call to action on the same cached flow page", async ({ browser, baseURL }) => {
    const visitor = await visitorPage(browser, baseURL);
    await visitor.goto("/flows?access=premium");
    const href = await visitor.getByRole("main").locator('a[href^="/flows/"]').first().getAttribute("href");
    expect(href).toMatch(/^\/flows\/[a-z0-9-]+$/);

    await visitor.request.get(href!); // the first request fills the cache
    const signedOut = await visitor.goto(href!);
    expect(signedOut?.headers()["x-nextjs-cache"]).toBe("HIT");
    await expect(visitor.getByRole("main").getByRole("link", { name: "Start free trial" })).toBeVisible();

    const subscriber = await pageAs(browser, "subscriber", baseURL);
    const asSubscriber = await subscriber.goto(href!);
    expect(asSubscriber?.headers()["x-nextjs-cache"]).toBe("HIT");
    await expect(subscriber.getByRole("link", { name: "Open in Library" })).toBeVisible();
    await expect(subscriber.getByRole("button", { name: "Like" })).toBeVisible();

    const member = await pageAs(browser, "member", baseURL);
    await member.goto(href!);
    await expect(member.getByRole("main").getByRole("link", { name: "Subscribe" })).toBeVisible();
    // The header's account menu is an island too: the member's own, on the same cached page.
    await expect(member.getByRole("button", { name: /account menu for/ })).toBeVisible();
  });
});
