import { expect, test } from "@playwright/test";
import { DEMO, pageAs, signInWithForm, signedIn } from "./support/auth";

test.describe("middleware and server-side gates", () => {
  for (const path of ["/account", "/creator", "/admin", "/library"]) {
    test(`signed out, ${path} sends to login and back`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`/login\\?from=${encodeURIComponent(path)}$`));
    });
  }

  test("after login the user returns to the page they asked for", async ({ page }) => {
    await page.goto("/account");
    await page.getByLabel("Email").fill(DEMO.member);
    await page.getByLabel("Password").fill("flowtab-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account$/);
  });

  test.describe("a free member", () => {
    test.use({ storageState: signedIn("member") });
    test("is sent from /library to /pricing", async ({ page }) => {
      await page.goto("/library");
      await expect(page).toHaveURL(/\/pricing$/);
    });
  });

  test.describe("the demo subscriber", () => {
    test.use({ storageState: signedIn("subscriber") });
    test("reaches /library and sees the period counter", async ({ page }) => {
      await page.goto("/library");
      await expect(page).toHaveURL(/\/library$/);
      // The seed gives the subscriber 37 paid copies; no spec copies as the demo subscriber (they make their own).
      await expect(page.getByTestId("copy-counter")).toContainText("37 of 100 paid copies used this period");
    });
  });

  test("an open redirect in ?from= is ignored", async ({ page }) => {
    await signInWithForm(page, DEMO.member, undefined, "//evil.example.com/");
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
  });
});

test.describe("/api/user/me and /api/health", () => {
  test("401 JSON when signed out", async ({ request }) => {
    const res = await request.get("/api/user/me");
    expect(res.status()).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
  });

  test("the subscriber's plan and entitlement summary", async ({ browser, baseURL }) => {
    const page = await pageAs(browser, "subscriber", baseURL);
    const res = await page.request.get("/api/user/me");
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.user).toMatchObject({ email: DEMO.subscriber, isAdmin: false });
    expect(body.user).not.toHaveProperty("passwordHash");
    expect(body.tenant.kind).toBe("personal");
    expect(body.plan).toBe("premium");
    expect(body.entitlement).toMatchObject({ premiumAccess: true, status: "active" });
    // Seeded with 37 paid copies (all premium, all qualifying); nothing else copies as the demo subscriber.
    expect(body.entitlement).toMatchObject({ paidCopiesUsed: 37, paidCopiesRemaining: 63, copiesThisPeriod: 37 });
    await page.context().close();
  });

  test("health reports the driver and applied migrations", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.ok).toBe(true);
    expect(["pglite", "postgres"]).toContain(body.database.driver);
    expect(body.database.migrations.applied).toBe(body.database.migrations.expected);
  });
});
