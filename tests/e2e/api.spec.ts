import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { registerSubscriber } from "./support/accounts";
import { signedIn } from "./support/auth";
import { seededFlows } from "./support/seeded";

async function expectErrorShape(res: APIResponse, status: number | number[]) {
  const statuses = Array.isArray(status) ? status : [status];
  expect(statuses, `${res.url()} -> ${res.status()}`).toContain(res.status());
  const body = await res.json();
  expect(body.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
}

async function premiumSlug(request: APIRequestContext) {
  const res = await request.get("/api/v1/flows?access=premium&pageSize=1&sort=liked");
  return (await res.json()).items[0].slug as string;
}

/**
 * Premium flows of creators other than the demo creator, newest first: specs copy these, so the demo creator's
 * dashboard figures stay what the seed made them for the whole run.
 */
async function premiumSlugsNotByDemoCreator(count: number) {
  return (await seededFlows("premium", { count, notDemoCreator: true })).map((flow) => flow.slug);
}

test.describe("API tokens over HTTP", () => {
  test("create in /account/tokens, use as Bearer, revoke -> 401", async ({ page, playwright, baseURL }) => {
    const email = await registerSubscriber(page, "Tok Token");
    await page.goto("/account/tokens");
    await page.getByLabel("Name").fill("e2e script");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-token").textContent())!.trim();
    expect(token).toMatch(/^ft_/);

    const api = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${token}` },
    });
    const me = await api.get("/api/user/me");
    expect(me.status()).toBe(200);
    expect((await me.json()).user.email).toBe(email);
    const [slug] = await premiumSlugsNotByDemoCreator(1);
    const detail = await api.get(`/api/v1/flows/${slug}`);
    // A premium flow's text comes only from the copy endpoint (issue 11, case 2).
    expect(await detail.json()).not.toHaveProperty("promptText");
    const copy = await api.post(`/api/v1/flows/${slug}/copy`, { data: { source: "api" } });
    expect(copy.status()).toBe(200);
    expect((await copy.json()).promptText).toEqual(expect.any(String));
    expect((await copy.json()).copy).toMatchObject({
      alreadyCopied: false,
      countedForPayout: true,
      copiesThisPeriod: 1,
      paidCopiesRemaining: 99,
      periodEnd: expect.any(String),
    });

    await page.reload();
    await expect(page.getByText("e2e script")).toBeVisible();
    await page.getByRole("button", { name: "Revoke e2e script" }).click();
    await expect(page.getByText("Revoked").first()).toBeVisible();
    await expectErrorShape(await api.get("/api/user/me"), 401);
    await api.dispose();
  });
});

test.describe("every /api/v1 route answers bad input with a 4xx and the error shape", () => {
  test("signed out and bad tokens", async ({ request, playwright, baseURL }) => {
    const slug = await premiumSlug(request);
    await expectErrorShape(await request.post(`/api/v1/flows/${slug}/copy`), 401);
    await expectErrorShape(await request.get("/api/v1/subscriptions/me"), 401);
    await expectErrorShape(await request.post("/api/v1/subscriptions/checkout"), 401);
    const bad = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: "Bearer ft_not_a_real_token_at_all_0000000000" },
    });
    for (const path of ["/api/v1/flows", `/api/v1/flows/${slug}`, "/api/v1/subscriptions/me", "/api/user/me"]) {
      await expectErrorShape(await bad.get(path), 401);
    }
    await expectErrorShape(await bad.post(`/api/v1/flows/${slug}/copy`), 401);
    await expectErrorShape(await bad.get("/api/v1/creators/me/earnings"), 401);
    // Session-only endpoints refuse any token, valid or not (issue 11, case 3).
    await expectErrorShape(await bad.post("/api/v1/creators/me/connect"), 403);
    await expectErrorShape(await bad.post("/api/v1/subscriptions/checkout"), 403);
    await expectErrorShape(await request.get("/api/v1/creators/me/earnings"), 401);
    await bad.dispose();
  });

  test("malformed JSON, wrong types, huge bodies, unknown ids and bad query parameters", async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ baseURL, storageState: signedIn("member") });
    const api = context.request;
    const slug = await premiumSlug(api);
    const before = await (await api.get("/api/v1/subscriptions/me")).json();
    await expectErrorShape(
      await api.post(`/api/v1/flows/${slug}/copy`, {
        headers: { "content-type": "application/json" },
        data: "{not json",
      }),
      400,
    );
    await expectErrorShape(await api.post(`/api/v1/flows/${slug}/copy`, { data: { source: 42 } }), 422);
    await expectErrorShape(await api.post(`/api/v1/flows/${slug}/copy`, { data: { source: "web", extra: true } }), 422);
    await expectErrorShape(
      await api.post(`/api/v1/flows/${slug}/copy`, { data: { source: "x".repeat(100_000) } }),
      413,
    );
    await expectErrorShape(await api.post("/api/v1/flows/no-such-flow-anywhere/copy", { data: {} }), 404);
    await expectErrorShape(await api.post(`/api/v1/flows/${slug}/copy`, { data: {} }), 403); // member: premium required
    await expectErrorShape(await api.get("/api/v1/flows/no-such-flow-anywhere"), 404);
    await expectErrorShape(await api.get("/api/v1/flows?pageSize=1000"), 422);
    await expectErrorShape(await api.get("/api/v1/flows?page=-1"), 422);
    await expectErrorShape(await api.get("/api/v1/flows?sort=random"), 422);
    await expectErrorShape(await api.get("/api/v1/flows?access=gold"), 422);
    await expectErrorShape(await api.post("/api/v1/subscriptions/checkout", { data: { quantity: "many" } }), 422);
    await expectErrorShape(await api.post("/api/v1/subscriptions/checkout", { data: { quantity: 3 } }), 422);
    await expectErrorShape(
      await api.post("/api/v1/subscriptions/checkout", {
        headers: { "content-type": "application/json" },
        data: "[1,2",
      }),
      400,
    );
    await expectErrorShape(
      await api.post("/api/v1/creators/me/connect", { headers: { "content-type": "application/json" }, data: "{oops" }),
      400,
    );
    await expectErrorShape(await api.post("/api/v1/creators/me/connect", { data: { pad: "x".repeat(100_000) } }), 413);
    // Nothing was written by any of this.
    const after = await (await api.get("/api/v1/subscriptions/me")).json();
    expect(after.copiesThisPeriod).toBe(before.copiesThisPeriod);
    await context.close();
  });

  test("the OpenAPI document describes the routes", async ({ request }) => {
    const doc = await (await request.get("/api/v1/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/flows",
        "/api/v1/flows/{slug}",
        "/api/v1/flows/{slug}/copy",
        "/api/v1/subscriptions/me",
        "/api/v1/creators/me/earnings",
      ]),
    );
  });
});

test.describe("POST /api/v1/flows/{slug}/copy under concurrency", () => {
  test("a new subscriber's parallel requests: one copy per flow, one credit each, exact counters", async ({ page }) => {
    await registerSubscriber(page, "Pat Parallel");
    const slugs = await premiumSlugsNotByDemoCreator(10);
    type Copy = { slug: string; id: string; alreadyCopied: boolean; countedForPayout: boolean };
    const copy = (slug: string, source = "api") =>
      page.request.post(`/api/v1/flows/${slug}/copy`, { data: { source } }).then(async (res) => {
        // The body in the message: a refusal says why (its error code and message).
        expect(res.status(), `${slug}: ${await res.text()}`).toBe(200);
        return { slug, ...((await res.json()).copy as Omit<Copy, "slug">) };
      });
    const firsts = (copies: Copy[]) => copies.filter((c) => !c.alreadyCopied);

    // 12 requests for one flow at once: exactly one copy is recorded (the others answer with it), and it qualifies.
    const same = await Promise.all(Array.from({ length: 12 }, () => copy(slugs[0]!)));
    expect(firsts(same)).toEqual([expect.objectContaining({ countedForPayout: true })]);
    expect(new Set(same.map((c) => c.id))).toEqual(new Set([firsts(same)[0]!.id]));
    // 9 other flows, each requested twice, all at once: one qualifying copy of each.
    const others = await Promise.all(slugs.slice(1).flatMap((slug) => [copy(slug, "web"), copy(slug, "api")]));
    expect(
      firsts(others)
        .map((c) => c.slug)
        .sort(),
    ).toEqual(slugs.slice(1).sort());
    expect(firsts(others).every((c) => c.countedForPayout)).toBe(true);
    expect(new Set(others.map((c) => c.id)).size).toBe(9);

    // 10 copies, 10 of the 100 paid copies used: 10 credits of 7 cents for the creators, no more.
    const me = await (await page.request.get("/api/v1/subscriptions/me")).json();
    expect(me).toMatchObject({ copiesThisPeriod: 10, paidCopiesRemaining: 90 });
  });
});
