// Accounts of a spec's own, made through the app's real code (the register page, the checkout API, the sandbox's
// hosted Checkout), so a spec that changes an account's state never shares it with another spec.
import { expect, type Page } from "@playwright/test";
import { uniqueEmail } from "./auth";
import { CARD, control, subscriptionOf } from "./sandbox";

export const NEW_PASSWORD = "correct horse battery";

/** Registers a new member through /register; `page`'s context is then signed in as them. */
export async function registerMember(page: Page, name: string, from = "/account"): Promise<string> {
  const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, "-"));
  await page.goto(`/register?from=${encodeURIComponent(from)}`);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => url.pathname === from, { timeout: 30_000 }); // hashing the password takes a moment
  return email;
}

/**
 * Registers a new member and makes them a paying subscriber: POST /api/v1/subscriptions/checkout, the sandbox's
 * hosted Checkout submitted with a card (a trial with the card on file), the success page (which syncs), then the
 * trial ended in the sandbox so the first $10 is paid; waits until the app (through the webhook) says "active".
 */
export async function registerSubscriber(page: Page, name: string): Promise<string> {
  const email = await registerMember(page, name);
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
