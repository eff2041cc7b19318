import { expect, test } from "@playwright/test";
import { DEMO, signInWithForm } from "./support/auth";

/** "October 2026": the month the admin's button pays (the last full UTC month). */
function previousMonthLabel(now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toLocaleDateString("en-US", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

test.describe.serial("admin console", () => {
  test("the admin sees the console and runs the payouts for the previous month", async ({ page }) => {
    await signInWithForm(page, DEMO.admin);
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
    await page.getByRole("button", { name: `Run payouts for ${previousMonthLabel()}` }).click();
    const summary = page.getByTestId("payout-run-summary");
    await expect(summary).toBeVisible({ timeout: 30_000 });
    await expect(summary).toContainText("already paid 1");
    await expect(page.getByRole("cell", { name: /Paid/ }).first()).toBeVisible();
    // The run is in the audit log, with the admin who asked for it.
    const audit = page.locator("#audit").getByRole("row").filter({ hasText: "payouts.run" });
    await expect(audit.first()).toContainText(DEMO.admin);
  });

  test("the admin finds a user by email, with their plan, tenants, copies and payouts", async ({ page }) => {
    await signInWithForm(page, DEMO.admin);
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

  test("the admin reads the email outbox and opens one message safely", async ({ page }) => {
    await signInWithForm(page, DEMO.admin);
    await page.goto("/admin/outbox");
    await expect(page.getByRole("heading", { level: 1, name: "Email outbox" })).toBeVisible();
    const first = page.getByRole("table").getByRole("link").first();
    await expect(first).toBeVisible();
    const subject = (await first.textContent())!.trim();
    await first.click();
    await expect(page).toHaveURL(/\/admin\/outbox\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
    await expect(page.getByTestId("email-text")).toContainText("Flowtab");
    const frame = page.locator("iframe");
    await expect(frame).toHaveAttribute("sandbox", "");
    await expect(page.frameLocator("iframe").locator("body")).toContainText("Flowtab");
  });

  test("a member gets a 404 on every admin page", async ({ page }) => {
    await signInWithForm(page, DEMO.member);
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
  });
});
