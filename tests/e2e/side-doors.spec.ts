// Issue 11 over HTTP, against the real server: each numbered side door, tried the way an attacker would.
// Cases 4-6 and 8 are proven below the HTTP layer (tests/integration/production-safety.test.ts,
// tests/unit/regex-redos.test.ts, tests/integration/auth.test.ts on PostgreSQL).
import { request as httpRequest } from "node:http";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import {
  DEMO,
  registerWithForm,
  signInWithApi,
  signInWithForm,
  uniqueClientIp,
  uniqueEmail,
  verificationLinkFor,
} from "./support/auth";
import { cookieHeader, startTrialMember } from "./support/trial";
import { seededFlows } from "./support/seeded";
import { createToken } from "./support/tokens";

type Item = { slug: string; title: string; isPremium: boolean };

const baseURL = () => test.info().project.use.baseURL!;

async function signedIn(email: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: baseURL() });
  await signInWithApi(context, email);
  return context;
}

/** Seeded premium flows of creators other than the demo creator (whose dashboard figures other specs check). */
const premiumFlows = (count: number): Promise<Item[]> => seededFlows("premium", { count, notDemoCreator: true });

// Sign-ins and registrations hash passwords (scrypt): generous time on a busy machine.
test.describe.configure({ timeout: 180_000 });

test.describe("case 1: search reveals no premium word to callers without premium access", () => {
  test("a word only in a premium prompt finds the flow for the subscriber, never for a visitor or member", async ({
    request,
  }) => {
    const subscriber = await signedIn(DEMO.subscriber);
    const member = await signedIn(DEMO.member);
    try {
      const [flow] = await premiumFlows(1);
      const copy = await subscriber.post(`/api/v1/flows/${flow!.slug}/copy`, { data: { source: "api" } });
      const text = ((await copy.json()) as { promptText: string }).promptText;
      const detail = await (await request.get(`/api/v1/flows/${flow!.slug}`)).json();
      const publicText = JSON.stringify(detail).toLowerCase();
      // A word of the prompt that no public field of this flow contains.
      const word = (text.toLowerCase().match(/[a-z]{7,}/g) ?? []).find((w) => !publicText.includes(w.slice(0, 6)));
      expect(word, "a prompt-only word").toBeTruthy();
      const q = `${flow!.title.split(/\s+/)[0]} ${word}`;
      const search = async (api: APIRequestContext) =>
        (
          (await (await api.get(`/api/v1/flows?q=${encodeURIComponent(q)}&pageSize=100`)).json()) as { items: Item[] }
        ).items.map((i) => i.slug);
      expect(await search(subscriber)).toContain(flow!.slug);
      expect(await search(request)).not.toContain(flow!.slug);
      expect(await search(member)).not.toContain(flow!.slug);
    } finally {
      await Promise.all([subscriber.dispose(), member.dispose()]);
    }
  });
});

test.describe("case 2: the JSON read and the reader", () => {
  test("GET /api/v1/flows/{slug} never has a premium promptText, even for the subscriber; a free flow keeps it", async ({
    request,
  }) => {
    const subscriber = await signedIn(DEMO.subscriber);
    try {
      const [premium] = await premiumFlows(1);
      expect(await (await subscriber.get(`/api/v1/flows/${premium!.slug}`)).json()).not.toHaveProperty("promptText");
      const free = ((await (await request.get("/api/v1/flows?access=free&pageSize=1")).json()) as { items: Item[] })
        .items[0]!;
      expect((await (await request.get(`/api/v1/flows/${free.slug}`)).json()).promptText).toEqual(expect.any(String));
    } finally {
      await subscriber.dispose();
    }
  });

  test("reader views share the 120-a-minute limit with copies: the 121st request in a minute is 429", async ({
    browser,
  }) => {
    test.setTimeout(600_000);
    const trial = await startTrialMember(browser, "Viewer Vic");
    const api = trial.context.request;
    const slugs = (await premiumFlows(20)).map((f) => f.slug);
    const copy = (slug: string) => api.post(`/api/v1/flows/${slug}/copy`, { data: { source: "web" } });
    const view = (slug: string) => api.get(`/library/${slug}`, { maxRedirects: 0 });
    let done = false;
    // One fixed window (the clock minute): at once when enough of this minute is left (this member has made no request
    // yet), else right after it turns; again after the next turn if the requests crossed into the next minute.
    for (let attempt = 0; attempt < 3 && !done; attempt++) {
      if (attempt > 0 || 60_000 - (Date.now() % 60_000) < 25_000) {
        await new Promise((r) => setTimeout(r, 60_000 - (Date.now() % 60_000) + 200));
      }
      const started = Date.now();
      // 119 copies (the trial's 20 distinct ones, then repeats, which a trial may always make), then one view.
      const copies: number[] = [];
      for (let i = 0; i < 119; i += 17) {
        const batch = Array.from({ length: Math.min(17, 119 - i) }, (_, j) => copy(slugs[(i + j) % 20]!));
        copies.push(...(await Promise.all(batch)).map((r) => r.status()));
      }
      const view120 = (await view(slugs[0]!)).status();
      // Were views not counted, this copy would be the 120th request and pass.
      const copy121 = await copy(slugs[1]!);
      const view122 = await view(slugs[2]!);
      if (Math.floor(started / 60_000) !== Math.floor(Date.now() / 60_000)) continue;
      expect(copies.filter((s) => s === 200)).toHaveLength(119);
      expect(view120).toBe(200);
      expect(copy121.status()).toBe(429);
      expect(view122.status()).toBe(429);
      expect(view122.headers()["retry-after"]).toMatch(/^\d+$/);
      done = true;
    }
    expect(done, "121 requests within one minute").toBe(true);
    await trial.context.close();
  });
});

test.describe("case 3: token scopes; billing and Connect need a session", () => {
  test("a flows:read token gets 403 from checkout, Connect and earnings; earnings:read reads earnings", async ({
    page,
  }) => {
    await signInWithForm(page, DEMO.subscriber);
    const readToken = await createToken(page, "extension", ["flows:read"]);
    const earningsToken = await createToken(page, "earnings script", ["earnings:read"]);
    const withToken = (token: string) =>
      playwrightRequest.newContext({ baseURL: baseURL(), extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    const reader = await withToken(readToken);
    const earnings = await withToken(earningsToken);
    try {
      expect((await reader.get("/api/v1/flows?pageSize=1")).status()).toBe(200);
      const checkout = await reader.post("/api/v1/subscriptions/checkout", { data: {} });
      expect(checkout.status()).toBe(403);
      // The subscriber already subscribes: a session would get 409 with a portal url; the token gets no url at all.
      expect(await checkout.json()).not.toHaveProperty("url");
      expect((await reader.post("/api/v1/creators/me/connect", { data: {} })).status()).toBe(403);
      expect((await reader.get("/api/v1/creators/me/earnings")).status()).toBe(403);
      expect((await earnings.get("/api/v1/creators/me/earnings")).status()).toBe(200);
      expect((await earnings.get("/api/v1/flows?pageSize=1")).status()).toBe(403);
      // The signed-in session itself still gets the portal url from the 409.
      const session = await page.request.post("/api/v1/subscriptions/checkout", { data: {} });
      expect(session.status()).toBe(409);
      expect((await session.json()).url).toEqual(expect.any(String));
    } finally {
      await Promise.all([reader.dispose(), earnings.dispose()]);
    }
  });
});

test.describe("case 7: open redirect after sign-in", () => {
  for (const from of ["/\t/evil.com", "/\\evil.com", "/.//evil.com", "//evil.com"]) {
    test(`from=${JSON.stringify(from)} lands on /flows`, async ({ page }) => {
      await signInWithForm(page, DEMO.member, undefined, from);
      await expect(page).toHaveURL((url) => url.origin === new URL(baseURL()).origin && url.pathname === "/flows");
    });
  }
});

test.describe("case 9: the trial needs a verified email", () => {
  test("register -> pricing says verify first -> resend -> follow the newest link -> the trial button works", async ({
    page,
    browser,
  }) => {
    const email = await registerWithForm(page, { name: "Unverified Uma", from: "/pricing" });
    await expect(page.getByText("Verify your email")).toBeVisible();
    await expect(page.getByRole("button", { name: "Start 7-day free trial" })).toBeDisabled();
    // The API refuses too, with a code the client can explain.
    const refused = await page.request.post("/api/v1/subscriptions/checkout", { data: {} });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.code).toBe("email_unverified");
    const first = await verificationLinkFor(browser, email);

    await page.goto("/account");
    await page.getByRole("button", { name: "Send the link again" }).click();
    await expect(page.getByText("A new link is on its way")).toBeVisible();
    // The first link was replaced: it no longer works.
    await page.goto(first);
    await expect(page.getByText("This link does not work")).toBeVisible();

    const fresh = await verificationLinkFor(browser, email);
    expect(fresh).not.toBe(first);
    await page.goto(fresh);
    await expect(page.getByText("Your email is confirmed")).toBeVisible();
    await page.goto(fresh);
    await expect(page.getByText("Your email was already confirmed")).toBeVisible();
    await page.goto("/account");
    await expect(page.getByText("Verify your email")).toHaveCount(0);
    await page.goto("/pricing");
    await expect(page.getByRole("button", { name: "Start 7-day free trial" })).toBeEnabled();
  });

  test("registration is limited per IP: the 11th account from one address in an hour is refused", async ({
    browser,
  }) => {
    test.setTimeout(600_000);
    const ip = uniqueClientIp();
    // Each person in a browser of their own (a registration signs its browser in), all from one address.
    const register = async (i: number) => {
      const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip } });
      try {
        const page = await context.newPage();
        await page.goto("/register");
        await page.getByLabel("Name").fill(`Burst ${i}`);
        await page.getByLabel("Email").fill(uniqueEmail(`burst${i}`));
        await page.getByLabel("Password").fill("correct horse battery");
        await page.getByRole("button", { name: "Create account" }).click();
        if (i < 10) await expect(page).not.toHaveURL(/\/register/, { timeout: 60_000 });
        else {
          await expect(page.getByText("Too many accounts were created from your network")).toBeVisible({
            timeout: 30_000,
          });
        }
      } finally {
        await context.close();
      }
    };
    // Ten at once (the count is one atomic statement, so all ten get in), then the eleventh is refused.
    await Promise.all(Array.from({ length: 10 }, (_, i) => register(i)));
    await register(10);
  });
});

test.describe("case 10: cookie-authenticated writes, body sizes, malformed paths", () => {
  test("a cross-site Origin or Sec-Fetch-Site is refused with the session cookie; a token is exempt", async ({
    page,
  }) => {
    await signInWithForm(page, DEMO.subscriber);
    const [flow] = await premiumFlows(1);
    const api = page.request;
    const evil = { origin: "https://evil.example" };
    const crossSite = { "sec-fetch-site": "cross-site" };
    for (const headers of [evil, crossSite, { "sec-fetch-site": "same-site" }, { origin: "null" }]) {
      expect((await api.post(`/api/v1/flows/${flow!.slug}/copy`, { headers, data: {} })).status()).toBe(403);
      expect((await api.put(`/api/v1/flows/${flow!.slug}/like`, { headers })).status()).toBe(403);
      expect((await api.put(`/api/v1/flows/${flow!.slug}/save`, { headers })).status()).toBe(403);
      expect((await api.post("/api/v1/subscriptions/checkout", { headers, data: {} })).status()).toBe(403);
      expect((await api.post("/api/v1/creators/me/connect", { headers, data: {} })).status()).toBe(403);
      expect((await api.post("/logout", { headers, maxRedirects: 0 })).status()).toBe(403);
    }
    const own = { origin: new URL(baseURL()).origin, "sec-fetch-site": "same-origin" };
    expect((await api.post(`/api/v1/flows/${flow!.slug}/copy`, { headers: own, data: {} })).status()).toBe(200);
    expect((await api.put(`/api/v1/flows/${flow!.slug}/like`, { headers: own })).status()).toBe(200);

    const token = await createToken(page, "cross-origin script", ["flows:copy"]);
    const tokenApi = await playwrightRequest.newContext({
      baseURL: baseURL(),
      extraHTTPHeaders: { authorization: `Bearer ${token}`, ...evil },
    });
    expect((await tokenApi.post(`/api/v1/flows/${flow!.slug}/copy`, { data: {} })).status()).toBe(200);
    await tokenApi.dispose();
  });

  test("a chunked JSON body over the limit is 413, counted while it streams", async ({ page }) => {
    await signInWithForm(page, DEMO.member);
    const cookie = await cookieHeader(page.context());
    const url = new URL("/api/v1/creators/me/connect", baseURL());
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        url,
        { method: "POST", headers: { cookie, "content-type": "application/json", "transfer-encoding": "chunked" } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", (e) => (e.message.includes("EPIPE") || e.message.includes("ECONNRESET") ? null : reject(e)));
      req.write('{"pad":"');
      // 80 KB in 1 KB chunks, no Content-Length: the limit is 64 KB.
      for (let i = 0; i < 80; i++) req.write("x".repeat(1024));
      req.end('"}');
    });
    expect(status).toBe(413);
  });

  test("a malformed percent-encoding in a path is 400, never 500", async ({ request }) => {
    for (const [method, path] of [
      ["POST", "/api/v1/flows/%ff/copy"],
      ["GET", "/api/v1/flows/%ff"],
      ["GET", "/flows/%ff"],
      ["GET", "/creators/%E0%A4%A"],
      ["GET", "/library/%ff"],
      ["PUT", "/api/v1/flows/%c0/like"],
    ] as const) {
      const res = await request.fetch(path, { method, maxRedirects: 0 });
      expect({ path, status: res.status() }).toEqual({ path, status: 400 });
    }
  });
});
