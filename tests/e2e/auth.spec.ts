import { expect, test } from "@playwright/test";
import { registerMember } from "./support/accounts";
import { DEMO, signInWithApi, uniqueClientIp, uniqueEmail, visitorPage } from "./support/auth";

test.describe("registration and sign-in", () => {
  test("register, sign out, sign in again", async ({ page }) => {
    const email = uniqueEmail("newbie");
    // A distinct client: registration is limited per IP.
    await page.setExtraHTTPHeaders({ "x-forwarded-for": uniqueClientIp() });
    await page.goto("/register?from=/account");
    await page.getByLabel("Name").fill("Nia Newcomer");
    await page.getByLabel("Email").fill(`  ${email.toUpperCase()} `);
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page).toHaveURL(/\/account$/);
    // The email was normalised before it was stored.
    await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Free" })).toBeVisible();

    await page.getByRole("button", { name: /account menu/i }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login\?from=%2Faccount/);

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account$/);
  });

  test("registration rejects a taken email and a short password, keeping what was typed", async ({ page }) => {
    // A distinct client: registration is limited per IP.
    await page.setExtraHTTPHeaders({ "x-forwarded-for": uniqueClientIp() });
    await page.goto("/register");
    await page.getByLabel("Name").fill("Copycat");
    await page.getByLabel("Email").fill(DEMO.member);
    await page.getByLabel("Password").fill("long enough password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("An account with this email already exists")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(DEMO.member);
    await expect(page.getByLabel("Password")).toHaveValue("");

    await page.getByLabel("Email").fill(uniqueEmail("short"));
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
    await expect(page).toHaveURL(/\/register/);
  });

  test("a wrong password is refused with a clear message", async ({ page, browser, baseURL }) => {
    // An account of this test's own: a failed attempt counts against the account's sign-in throttle.
    const other = await visitorPage(browser, baseURL);
    const email = await registerMember(other, "Wanda Wrong");
    await other.context().close();
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test("repeated failures are throttled per email, in the form and with HTTP 429", async ({ page, request }) => {
    const email = uniqueEmail("victim");
    // Register so the account exists; throttling must not depend on that, but it is the realistic case.
    for (let i = 0; i < 5; i++) {
      const res = await signInWithApi(request, email, `wrong-${i}`);
      expect(res.status()).toBe(302);
    }
    const blocked = await signInWithApi(request, email, "wrong-again");
    expect(blocked.status()).toBe(429);
    expect(Number(blocked.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await blocked.json()).error.code).toBe("rate_limited");

    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("anything");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Too many failed attempts")).toBeVisible();
  });
  // Each demo account signing in through the form is tested once per run by sign-in.setup.ts.
});
