// Fresh accounts for a spec, made the way a person makes them: the register form, the sandbox's hosted Checkout
// and the /account/tokens form. Each spec owns the accounts it changes.
import { expect, type Page } from "@playwright/test";
import { uniqueEmail } from "./auth";

export const SANDBOX = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? "12199"}`;
const PASSWORD = "correct horse battery";

/** Registers through the form (which signs the new user in) and returns the email. */
export async function registerMember(page: Page, name: string): Promise<string> {
  const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, "-"));
  await page.goto("/register?from=/account");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/account");
  return email;
}

async function sandboxControl(path: string): Promise<void> {
  const response = await fetch(`${SANDBOX}/_sandbox/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: "{}",
  });
  if (!response.ok) throw new Error(`/_sandbox/${path}: ${response.status} ${await response.text()}`);
}

/** The subscription the checkout made for this email's customer, read from the (sandbox) Stripe API. */
async function subscriptionOf(email: string): Promise<string> {
  const get = async <T>(path: string) => {
    const response = await fetch(`${SANDBOX}/v1/${path}`, { headers: { Authorization: "Bearer sk_test_e2e" } });
    if (!response.ok) throw new Error(`GET /v1/${path}: ${response.status}`);
    return (await response.json()) as T;
  };
  const customers = await get<{ data: { id: string }[] }>(`customers?email=${encodeURIComponent(email)}`);
  const customer = customers.data[0]?.id;
  if (!customer) throw new Error(`no Stripe customer for ${email}`);
  const subscriptions = await get<{ data: { id: string }[] }>(`subscriptions?customer=${customer}&status=all`);
  const subscription = subscriptions.data[0]?.id;
  if (!subscription) throw new Error(`no subscription for ${email}`);
  return subscription;
}

/** Starts the 7-day trial from /pricing; with `card`, a Visa test card is kept on file. */
export async function startTrial(page: Page, options: { card: boolean }): Promise<void> {
  await page.route("https://js.stripe.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "application/javascript", body: "" }),
  );
  await page.goto("/pricing");
  await page.getByRole("button", { name: "Start 7-day free trial" }).click();
  await expect(page).toHaveURL(new RegExp(`^${SANDBOX}/checkout/cs_`));
  if (options.card) {
    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
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
  await startTrial(page, { card: true });
  await sandboxControl(`subscriptions/${await subscriptionOf(email)}/end-trial`);
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
