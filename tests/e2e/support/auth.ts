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
  // scrypt plus two renders: allow a busy machine more than the default 10 s.
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

/**
 * A client address for one simulated person: registration is limited per IP (lib/auth/register.ts), and the app
 * reads the client IP from the last X-Forwarded-For entry, as a proxy in front of it would set it.
 */
export function uniqueClientIp(): string {
  const byte = () => Math.floor(Math.random() * 254) + 1;
  return `10.${byte()}.${byte()}.${byte()}`;
}

/** Creates an account through /register as a distinct client; the page ends signed in, on `from`. */
export async function registerWithForm(
  page: Page,
  options: { name: string; email?: string; password?: string; from?: string },
): Promise<string> {
  const email = options.email ?? uniqueEmail(options.name.toLowerCase().replace(/\W+/g, "-"));
  await page.setExtraHTTPHeaders({ "x-forwarded-for": uniqueClientIp() });
  await page.goto(options.from ? `/register?from=${encodeURIComponent(options.from)}` : "/register");
  await page.getByLabel("Name").fill(options.name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(options.password ?? "correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).not.toHaveURL(/\/register/, { timeout: 30_000 });
  return email;
}

/**
 * The verification link mailed to `email`, read the way our product lets anyone read mail without SMTP: as the
 * platform admin, at /admin/outbox (newest first), in the message's plain text.
 */
export async function verificationLinkFor(browser: Browser, email: string): Promise<string> {
  const context = await browser.newContext();
  try {
    const admin = await context.newPage();
    await signInWithForm(admin, DEMO.admin);
    // Newest first: after a resend, the first row is the latest link.
    const row = admin.getByRole("row").filter({ hasText: email }).filter({ hasText: "Confirm your email for Flowtab" });
    await expect
      .poll(
        async () => {
          await admin.goto(`/admin/outbox?to=${encodeURIComponent(email)}`);
          return row.count();
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0);
    await row.first().getByRole("link").click();
    const text = (await admin.getByTestId("email-text").textContent()) ?? "";
    const link = /https?:\/\/\S+\/verify-email\?token=[A-Za-z0-9._-]+/.exec(text)?.[0];
    expect(link, `a verification link in the mail to ${email}`).toBeTruthy();
    return link!;
  } finally {
    await context.close();
  }
}

/** Follows the mailed link in `page` (the person's own browser) and checks the address is confirmed. */
export async function verifyEmailFromOutbox(page: Page, browser: Browser, email: string) {
  await page.goto(await verificationLinkFor(browser, email));
  await expect(page.getByText("Your email is confirmed")).toBeVisible();
}
