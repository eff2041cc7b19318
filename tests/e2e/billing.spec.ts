// Billing end to end: the app against the Stripe sandbox, clicking the sandbox's hosted Checkout and Portal pages.
// The sandbox delivers webhooks to the app (scripts/e2e-server.mjs); the tests drive its clock through /_sandbox.
// Every test registers its own user. Renewals use the per-subscription end-trial / end-period controls; the two
// tests that change the sandbox for everyone (webhook delivery off, the clock moved 4 days) are tagged @sandbox-wide
// and run after every other spec (playwright.config.ts), so no other test sees them.
import { mkdirSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { registerWithForm, signedIn, verifyEmailFromOutbox } from "./support/auth";
import { serverNow } from "./support/server-clock";
import { CARD, SANDBOX, control, stripeGet, subscriptionOf } from "./support/sandbox";

/** Set BILLING_SHOTS_DIR to keep screenshots of the pages people see. */
const SHOTS = process.env.BILLING_SHOTS_DIR;
/** A webhook crosses two processes and a queue that other tests' events share: allow it some time. */
const WEBHOOK_TIMEOUT = 45_000;

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test.beforeEach(async ({ page }) => {
  // Nothing should load Stripe.js (the sandbox's pages are plain HTML), but never reach the network for it.
  await page.route("https://js.stripe.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "application/javascript", body: "" }),
  );
});

/** A new member with a verified address (the trial needs one): registers, then follows the link from the outbox. */
async function register(page: Page, name: string): Promise<string> {
  const email = await registerWithForm(page, { name, from: "/pricing" });
  await expect(page).toHaveURL(atPath("/pricing"));
  await verifyEmailFromOutbox(page, page.context().browser()!, email);
  return email;
}

/** From /pricing to the sandbox's hosted Checkout page. */
async function openCheckout(page: Page, button: "Start 7-day free trial" | "Subscribe") {
  await page.goto("/pricing");
  await page.getByRole("button", { name: button }).click();
  await expect(page).toHaveURL(new RegExp(`^${SANDBOX}/checkout/cs_`));
  await expect(page.getByRole("heading", { name: "Subscribe to Flowtab" })).toBeVisible();
}

async function fillCard(page: Page, number: string) {
  await page.getByLabel("Card number").fill(number);
  await page.getByLabel("Expiry date (MM / YY)").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
}

/** A URL matcher on the app's path alone ("/register?from=/pricing" must not pass for "/pricing"). */
const atPath = (path: string) => (url: URL) => url.pathname === path;

async function expectLibrary(page: Page, open: boolean) {
  await page.goto("/library");
  await expect(page).toHaveURL(atPath(open ? "/library" : "/pricing"));
}

/** Reloads `path` until the condition holds: the state changes when a webhook lands. */
async function eventually(page: Page, path: string, check: () => Promise<boolean>) {
  await expect
    .poll(
      async () => {
        await page.goto(path);
        return check();
      },
      { timeout: WEBHOOK_TIMEOUT, intervals: [500, 1000, 2000] },
    )
    .toBe(true);
}

/** The mail landed in the email outbox (read by the platform admin at /admin/outbox, newest first). */
async function expectMailed(browser: Browser, to: string, subject: string) {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    storageState: signedIn("admin"),
  });
  try {
    const admin = await context.newPage();
    const row = admin.getByRole("row").filter({ hasText: to }).filter({ hasText: subject });
    await eventually(admin, `/admin/outbox?to=${encodeURIComponent(to)}`, async () => (await row.count()) === 1);
  } finally {
    await context.close();
  }
}

const billingCard = (page: Page) => page.getByRole("region", { name: "Billing" });

test.describe("billing with the Stripe sandbox", () => {
  test("a member starts the trial without a card and reads the Library the moment they return @sandbox-wide", async ({
    page,
  }) => {
    const email = await register(page, "Trial Tina");
    // No webhook reaches the app during this test: access comes from the success page's own sync.
    await control("webhooks", { enabled: false });
    try {
      await openCheckout(page, "Start 7-day free trial");
      await expect(page.getByText("7 days free, then $10.00 per month")).toBeVisible();
      await shot(page, "sandbox-checkout");
      await page.getByRole("button", { name: "Start trial without a card" }).click();

      await expect(page).toHaveURL(/\/checkout\/success\?session_id=cs_/);
      await expect(page.getByRole("heading", { name: "Your free trial has started" })).toBeVisible();
      await shot(page, "checkout-success");
      await page.getByRole("link", { name: "Open the Library" }).click();
      await expect(page).toHaveURL(atPath("/library"));

      await page.goto("/account");
      const card = billingCard(page);
      // Whole days (rounded up) from the server's now to Stripe's trial_end: 7 unless the sandbox clock has moved.
      const { trial_end: trialEnd } = await stripeGet<{ trial_end: number }>(
        `subscriptions/${await subscriptionOf(email)}`,
      );
      const daysLeft = Math.ceil((trialEnd * 1000 - (await serverNow(page.request)).getTime()) / 86_400_000);
      await expect(card.getByTestId("trial-days-left")).toHaveText(`${daysLeft} days left`);
      await expect(card.getByTestId("next-invoice")).toContainText("$10 on");
      await expect(card.getByRole("button", { name: "Manage billing" })).toBeVisible();
    } finally {
      await control("webhooks", { enabled: true });
    }
  });

  test("cancel in the portal keeps access until the period ends; then the Library closes; the trial is not offered again", async ({
    page,
  }) => {
    const email = await register(page, "Cancel Carl");
    await openCheckout(page, "Start 7-day free trial");
    await page.getByRole("button", { name: "Start trial without a card" }).click();
    await expect(page.getByRole("heading", { name: "Your free trial has started" })).toBeVisible();

    await page.goto("/account");
    await page.getByRole("button", { name: "Manage billing" }).click();
    await expect(page).toHaveURL(new RegExp(`^${SANDBOX}/portal/`));
    await page.getByRole("button", { name: "Cancel subscription" }).click();
    await expect(page.getByRole("status")).toHaveText(
      "Your subscription will be canceled at the end of the billing period.",
    );
    await expect(page.getByText("Canceling at period end")).toBeVisible();
    await page.getByRole("link", { name: "Return to Flowtab" }).click();

    // Back on /account (through /billing/return, which syncs): canceled, but premium until the period ends.
    await expect(page).toHaveURL(atPath("/account"));
    await expect(billingCard(page).getByText(/canceled \(resume it in the portal\)/)).toBeVisible();
    await expectLibrary(page, true);

    await control(`subscriptions/${await subscriptionOf(email)}/end-period`); // this subscription only
    await eventually(page, "/library", async () => new URL(page.url()).pathname === "/pricing");

    // The trial is once per person: now it is a paid checkout, with no trial and no way around the card.
    await openCheckout(page, "Subscribe");
    await expect(page.getByText("Total due today: $10.00")).toBeVisible();
    await expect(page.getByRole("button", { name: "Start trial without a card" })).toHaveCount(0);
    await fillCard(page, CARD.visa);
    await page.getByRole("button", { name: "Pay" }).click();
    await expect(page.getByRole("heading", { name: "You're subscribed" })).toBeVisible();
    await expectLibrary(page, true);
  });

  test("a declined card gets a clear message on the Checkout page and no access", async ({ page }) => {
    await register(page, "Declined Dana");
    await openCheckout(page, "Start 7-day free trial");
    await fillCard(page, CARD.declined);
    await page.getByRole("button", { name: "Start trial", exact: true }).click();

    await expect(page).toHaveURL(new RegExp(`^${SANDBOX}/checkout/cs_`));
    await expect(page.getByRole("alert")).toHaveText("Your card was declined.");
    await expectLibrary(page, false);
    await page.goto("/account");
    await expect(billingCard(page).getByRole("link", { name: "See plans" })).toBeVisible();
    // Someone pastes a made-up success link: a clear page, not an error, and still no access.
    await page.goto("/checkout/success?session_id=cs_test_madeup");
    await expect(page.getByRole("heading", { name: "We couldn’t find this checkout" })).toBeVisible();
  });

  test("a failed renewal shows the past_due banner; a new card in the portal makes it active again", async ({
    page,
    browser,
  }) => {
    const email = await register(page, "Renewal Rhea");
    await openCheckout(page, "Start 7-day free trial");
    await fillCard(page, CARD.visa);
    await page.getByRole("button", { name: "Start trial", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Your free trial has started" })).toBeVisible();

    // The trial ends with the card on file: the first $10 is paid.
    const subscription = await subscriptionOf(email);
    await control(`subscriptions/${subscription}/end-trial`);
    await eventually(page, "/account", async () => (await page.getByText("Active", { exact: true }).count()) > 0);
    await expect(billingCard(page).getByTestId("next-invoice")).toContainText("$10 on");

    // The next renewal is declined: past_due, with access kept (grace) and a banner to fix the card.
    await control(`subscriptions/${subscription}/fail-next-renewal`);
    await control(`subscriptions/${subscription}/end-period`);
    await eventually(page, "/account", async () => (await page.getByText("Payment failed").count()) > 0);
    await expect(page.getByText("Payment overdue")).toBeVisible();
    await shot(page, "account-past-due");
    await expectLibrary(page, true);
    await expectMailed(browser, email, "Your Flowtab payment failed");

    await page.goto("/account");
    await page.getByRole("button", { name: "Update card" }).click();
    await expect(page).toHaveURL(new RegExp(`^${SANDBOX}/portal/`));
    await expect(page.getByText("Past due: update your card")).toBeVisible();
    await fillCard(page, CARD.visa);
    await page.getByRole("button", { name: "Update card" }).click();
    await expect(page.getByRole("status")).toHaveText("Your card was updated.");
    await expect(page.getByRole("definition").filter({ hasText: /^Active$/ })).toBeVisible();
    await page.getByRole("link", { name: "Return to Flowtab" }).click();

    await expect(page).toHaveURL(atPath("/account"));
    await eventually(page, "/account", async () => (await page.getByText("Payment failed").count()) === 0);
    await expect(page.getByText("Active", { exact: true })).toBeVisible();
  });

  test("a trial that ends without a card pauses access: the paywall returns @sandbox-wide", async ({
    page,
    browser,
  }) => {
    const email = await register(page, "Paused Paco");
    await openCheckout(page, "Start 7-day free trial");
    await page.getByRole("button", { name: "Start trial without a card" }).click();
    await expect(page.getByRole("heading", { name: "Your free trial has started" })).toBeVisible();
    await expectLibrary(page, true);

    // Three days before the end Stripe sends trial_will_end: the owner is mailed.
    await control("clock/advance", { seconds: 4 * 86_400 + 60 });
    await expectMailed(browser, email, "Your Flowtab trial ends in 3 days");
    await expectLibrary(page, true);

    await control(`subscriptions/${await subscriptionOf(email)}/end-trial`);
    await eventually(page, "/library", async () => new URL(page.url()).pathname === "/pricing");
    await page.goto("/account");
    await expect(page.getByText("Premium is paused")).toBeVisible();
    await expect(page.getByRole("button", { name: "Add a card" })).toBeVisible();
  });
});
