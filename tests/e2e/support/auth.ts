import path from "node:path";
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "flowtab-demo";
export const DEMO = {
  member: "member@flowtab.dev",
  subscriber: "subscriber@flowtab.dev",
  creator: "creator@flowtab.dev",
  admin: "admin@flowtab.dev",
} as const;
export type DemoRole = keyof typeof DEMO;

/**
 * The saved session of a demo account (cookies), written once per run by sign-in.setup.ts. Specs that only read a
 * demo account use it (`test.use({ storageState: signedIn("member") })`); specs that change an account's state
 * register their own user (tests/e2e/support/accounts.ts).
 */
export function signedIn(role: DemoRole): string {
  return path.join(process.cwd(), "reports", "e2e-auth", `${role}.json`);
}

/** A page in a new browser context signed in as the demo account (for a second viewer within one test). */
export async function pageAs(browser: Browser, role: DemoRole, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, storageState: signedIn(role) });
  return context.newPage();
}

/**
 * A page in a new, signed-out browser context. (A context made with `browser.newContext()` inside a test takes the
 * test's `use` options, a saved session included: this one starts with no cookies.)
 */
export async function visitorPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  return context.newPage();
}

/**
 * Signs in through the login form and waits until the app has redirected away from it (checking a password hash is
 * deliberately slow, and slower still on a busy machine: allow it 30 s).
 */
export async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD, from?: string) {
  await page.goto(from ? `/login?from=${encodeURIComponent(from)}` : "/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
}

/** Signs in over HTTP the way a script would: CSRF token, then the credentials callback. */
export async function signInWithApi(request: APIRequestContext, email: string, password = DEMO_PASSWORD) {
  const csrf = await (await request.get("/api/auth/csrf")).json();
  return request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email, password },
    maxRedirects: 0,
  });
}

/** A fresh address per test run, so registration tests never collide. */
export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}
