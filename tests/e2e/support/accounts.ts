// Accounts of a spec's own, made through the app's real code (the register page, the checkout API, the sandbox's
// hosted Checkout, the /account/tokens form), so a spec that changes an account's state never shares it with another.
import { expect, type Page } from "@playwright/test";
import { uniqueClientIp, uniqueEmail, verifyEmailFromOutbox } from "./auth";
import { CARD, SANDBOX, control, subscriptionOf } from "./sandbox";

export const NEW_PASSWORD = "correct horse battery";

/**
 * Registers a new member through /register; `page`'s context is then signed in as them. Each person comes from an
 * address of their own (registration is limited per client IP, read from the last X-Forwarded-For entry).
 */
export async function registerMember(page: Page, name: string, from = "/account"): Promise<string> {
  const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, "-"));
  await page.setExtraHTTPHeaders({ "x-forwarded-for": uniqueClientIp() });
  await page.goto(`/register?from=${encodeURIComponent(from)}`);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => url.pathname === from, { timeout: 30_000 }); // hashing the password takes a moment
  return email;
}

/** Confirms the member's email with the mailed link (read in the outbox): a trial needs a verified email. */
async function verifyEmail(page: Page, email: string): Promise<void> {
  const browser = page.context().browser();
  if (!browser) throw new Error("verifyEmail needs a page from a launched browser");
  await verifyEmailFromOutbox(page, browser, email);
}

/**
 * Registers a new member, confirms their email, and makes them a paying subscriber: POST /api/v1/subscriptions/checkout, the sandbox's
 * hosted Checkout submitted with a card (a trial with the card on file), the success page (which syncs), then the
 * trial ended in the sandbox so the first $10 is paid; waits until the app (through the webhook) says "active".
 */
export async function registerSubscriber(page: Page, name: string): Promise<string> {
  const email = await registerMember(page, name);
  await verifyEmail(page, email);
  const checkout = await page.request.post("/api/v1/subscriptions/checkout", { data: {} });
  expect(checkout.status()).toBe(200);
  const { url } = (await checkout.json()) as { url: string };
  const submitted = await fetch(url, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({
      email,
      action: "pay",
      card_number: CARD.visa,
      card_expiry: "12 / 34",
      card_cvc: "123",
    }),
  });
  expect(submitted.status).toBe(303);
  const success = new URL(submitted.headers.get("location")!);
  expect(success.pathname).toBe("/checkout/success");
  expect((await page.request.get(success.pathname + success.search)).status()).toBe(200);

  await control(`subscriptions/${await subscriptionOf(email)}/end-trial`);
  await expect
    .poll(async () => (await (await page.request.get("/api/user/me")).json()).entitlement.status, {
      timeout: 45_000,
      intervals: [250, 500, 1000],
    })
    .toBe("active");
  return email;
}

/**
 * Confirms `email` (the member signed in on `page`) and starts the 7-day trial from /pricing in the browser; with
 * `card`, a Visa test card is kept on file.
 */
export async function startTrial(page: Page, email: string, options: { card: boolean }): Promise<void> {
  await verifyEmail(page, email);
  await page.route("https://js.stripe.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "application/javascript", body: "" }),
  );
  await page.goto("/pricing");
  await page.getByRole("button", { name: "Start 7-day free trial" }).click();
  await expect(page).toHaveURL(new RegExp(`^${SANDBOX}/checkout/cs_`));
  if (options.card) {
    await page.getByLabel("Card number").fill(CARD.visa);
    await page.getByLabel("Expiry date (MM / YY)").fill("12 / 34");
    await page.getByLabel("CVC").fill("123");
    await page.getByRole("button", { name: "Start trial", exact: true }).click();
  } else {
    await page.getByRole("button", { name: "Start trial without a card" }).click();
  }
  await expect(page.getByRole("heading", { name: "Your free trial has started" })).toBeVisible();
}

/** A paying subscriber: the trial with a card, ended at once in the sandbox, so the first $10 invoice is paid. */
export async function becomePayingSubscriber(page: Page, email: string): Promise<void> {
  await startTrial(page, email, { card: true });
  await control(`subscriptions/${await subscriptionOf(email)}/end-trial`);
  // The webhook crosses two processes: wait until the app has it.
  await expect
    .poll(async () => (await (await page.request.get("/api/v1/subscriptions/me")).json()).status, {
      timeout: 45_000,
      intervals: [500, 1000, 2000],
    })
    .toBe("active");
}

/** Creates an API token in /account/tokens with these scopes and returns it (shown once). */
export async function createToken(
  page: Page,
  name: string,
  scopes: Array<"flows:read" | "flows:copy"> = ["flows:read", "flows:copy"],
): Promise<string> {
  await page.goto("/account/tokens");
  await page.getByLabel("Name").fill(name);
  for (const scope of ["flows:read", "flows:copy"] as const) {
    await page.getByRole("checkbox", { name: new RegExp(`^${scope} `) }).setChecked(scopes.includes(scope));
  }
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^ft_/);
  return token;
}

export async function revokeToken(page: Page, name: string): Promise<void> {
  await page.goto("/account/tokens");
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByRole("listitem").filter({ hasText: name }).getByText("Revoked")).toBeVisible();
}
