import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { registerWithForm, verifyEmailFromOutbox } from "./auth";

export type TrialMember = { context: BrowserContext; page: Page; email: string };

/**
 * A new person who registered, confirmed their email through the link in the outbox and started the free trial on
 * the sandbox's hosted Checkout page, exactly as a visitor would. The context stays signed in as them.
 */
export async function startTrialMember(browser: Browser, name: string): Promise<TrialMember> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Nothing loads Stripe.js (the sandbox pages are plain HTML), but never reach the network for it.
  await page.route("https://js.stripe.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "application/javascript", body: "" }),
  );
  const email = await registerWithForm(page, { name, from: "/pricing" });
  await verifyEmailFromOutbox(page, browser, email);
  await page.goto("/pricing");
  await page.getByRole("button", { name: "Start 7-day free trial" }).click();
  await page.getByRole("button", { name: "Start trial without a card" }).click();
  await expect(page.getByRole("heading", { name: "Your free trial has started" })).toBeVisible({ timeout: 30_000 });
  return { context, page, email };
}

/** The session cookie header of a signed-in browser context, for plain HTTP calls as that person. */
export async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}
