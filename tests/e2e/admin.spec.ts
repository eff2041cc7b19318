import { expect, test } from "@playwright/test";
import { DEMO, pageAs, signedIn, visitorPage } from "./support/auth";
import { registerMember } from "./support/accounts";
import { serverNow } from "./support/server-clock";

/** "October 2026": the month the admin's button pays (the last full UTC month of the server's clock). */
function previousMonthLabel(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toLocaleDateString("en-US", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

test.describe("admin console", () => {
  test.use({ storageState: signedIn("admin") });

  test("the admin sees the console and runs the payouts for the previous month", async ({ page }) => {
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Admin console" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Payouts", exact: true })).toBeVisible();
    for (const name of [
      "Stripe events",
      "Reported flows",
      "Audit log",
      "Creator liabilities",
      "Subscribers by status",
      "Creator credits by status",
    ]) {
      await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
    }
    await expect(page.getByTestId("metric-mrr")).toHaveText(/^\$[\d,]+\.\d\d$/);

    // The seeded demo creator was paid for last month: the run pays nobody twice and says so.
    const month = previousMonthLabel(await serverNow(page.request));
    await page.getByRole("button", { name: `Run payouts for ${month}` }).click();
    const summary = page.getByTestId("payout-run-summary");
    await expect(summary).toBeVisible({ timeout: 30_000 });
    await expect(summary).toContainText("already paid 1");
    await expect(page.getByRole("cell", { name: /Paid/ }).first()).toBeVisible();

    // The run was a background job: the console lists every queue with its depth.
    await expect(page.getByRole("heading", { name: "Background jobs" })).toBeVisible();
    const queues = page.getByTestId("job-queues");
    for (const queue of [
      "email-delivery",
      "payouts-monthly",
      "payouts-retry",
      "rate-limit-prune",
      "ledger-reconcile",
    ]) {
      await expect(queues.getByRole("rowheader", { name: queue, exact: true })).toBeVisible();
    }

    // The run is in the audit log, with the admin who asked for it.
    const audit = page.locator("#audit").getByRole("row").filter({ hasText: "payouts.run" });
    await expect(audit.first()).toContainText(DEMO.admin);
  });

  test("the admin finds a user by email, with their plan, tenants, copies and payouts", async ({ page }) => {
    await page.goto("/admin");
    await page.getByRole("searchbox", { name: "Email contains" }).fill("subscriber@flowtab");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/admin\/users\?q=subscriber%40flowtab/);
    const card = page.getByTestId(`user-${DEMO.subscriber}`);
    await expect(card).toBeVisible();
    await expect(card).toContainText("Premium");
    await expect(card).toContainText("personal, owner");
    await page.getByRole("searchbox", { name: "Email contains" }).fill("nobody-by-this-name");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("heading", { name: "No users found" })).toBeVisible();
  });

  test("the cron endpoint enqueues the payout run and answers with its summary", async ({ request }) => {
    const now = new Date();
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    const response = await request.post("/api/cron/payouts", {
      headers: { Authorization: "Bearer e2e-cron-secret-0123456789" },
      data: { month },
    });
    expect(response.status()).toBe(200);
    const summary = await response.json();
    expect(summary).toMatchObject({ month, paid: [], failed: [], totalPaidCents: 0, retries: { attempted: 0 } });
    expect(summary.alreadyPaid).toHaveLength(1);

    const refused = await request.post("/api/cron/payouts", { data: { month } });
    expect(refused.status()).toBe(401);
  });

  test("the admin reads the email outbox and opens one message safely", async ({ page, browser, baseURL }) => {
    // A welcome email of this test's own: a member registers in another browser.
    const newcomer = await visitorPage(browser, baseURL);
    const email = await registerMember(newcomer, "Otto Outbox");
    await newcomer.context().close();

    await page.goto("/admin/outbox");
    await expect(page.getByRole("heading", { level: 1, name: "Email outbox" })).toBeVisible();
    // Other tests mail in parallel: narrow the outbox to this member's address with the recipient filter.
    await page.getByRole("searchbox", { name: "Recipient contains" }).fill(email);
    await page.getByRole("searchbox", { name: "Recipient contains" }).press("Enter");
    await expect(page).toHaveURL((url) => url.pathname === "/admin/outbox" && url.searchParams.get("to") === email);
    await expect(page.getByText(/newest first \(2 found\)/)).toBeVisible();
    // Registration mails a welcome and an email verification link: the welcome is the one this test opens.
    const row = page.getByRole("row").filter({ hasText: email }).filter({ hasText: "Welcome to Flowtab" });
    await expect(row).toHaveCount(1);
    await row.getByRole("link", { name: "Welcome to Flowtab" }).click();
    await expect(page).toHaveURL(/\/admin\/outbox\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: "Welcome to Flowtab" })).toBeVisible();
    await expect(page.getByTestId("email-text")).toContainText("Flowtab");
    const frame = page.locator("iframe");
    await expect(frame).toHaveAttribute("sandbox", "");
    await expect(page.frameLocator("iframe").locator("body")).toContainText("Flowtab");
  });

  test("a member gets a 404 on every admin page", async ({ browser, baseURL }) => {
    const page = await pageAs(browser, "member", baseURL);
    for (const path of [
      "/admin",
      "/admin/outbox",
      "/admin/outbox?page=2",
      "/admin/users?q=admin",
      "/admin/outbox/00000000-0000-4000-8000-000000000000",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: /isn.t in any flow/ })).toBeVisible();
    }
    await page.context().close();
  });
});
