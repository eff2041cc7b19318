import { mkdirSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { parseCsv } from "../helpers/csv";
import { DEMO, signInWithForm, uniqueClientIp, uniqueEmail } from "./support/auth";

const SHOTS = "/tmp/dashboard-shots";

type Earnings = {
  availableCents: number;
  pendingCents: number;
  lifetimePaidCents: number;
  thisMonthCents: number;
  months: Array<{ month: string; qualifyingCopies: number; earnedCents: number; status: string }>;
  payouts: Array<{ month: string; amountCents: number; status: string; paidAt: string | null }>;
};

/** "$1,234.56" / "-$0.13" back to integer cents, without floats. */
function centsFromDisplay(text: string): number {
  const match = /^(-)?\$([\d,]+)\.(\d{2})$/.exec(text.trim());
  if (!match) throw new Error(`not a dollar amount: ${JSON.stringify(text)}`);
  const cents = Number(match[2]!.replace(/,/g, "")) * 100 + Number(match[3]);
  return match[1] ? -cents : cents;
}

async function displayedFigures(page: Page) {
  const figure = async (id: string) =>
    centsFromDisplay((await page.getByTestId(`figure-${id}`).getByTestId("figure-value").textContent()) ?? "");
  return {
    availableCents: await figure("available"),
    pendingCents: await figure("pending"),
    lifetimePaidCents: await figure("lifetime"),
    thisMonthCents: await figure("month"),
  };
}

async function earnings(request: APIRequestContext): Promise<Earnings> {
  const response = await request.get("/api/v1/creators/me/earnings");
  expect(response.status()).toBe(200);
  return (await response.json()) as Earnings;
}

async function csv(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/csv/);
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="flowtab-[a-z0-9-]+\.csv"$/);
  return parseCsv(await response.text());
}

const total = (rows: Record<string, string>[], pick: (r: Record<string, string>) => boolean) =>
  rows.filter(pick).reduce((n, r) => n + Number(r.amount_cents), 0);

function figuresOf(e: Earnings) {
  return {
    availableCents: e.availableCents,
    pendingCents: e.pendingCents,
    lifetimePaidCents: e.lifetimePaidCents,
    thisMonthCents: e.thisMonthCents,
  };
}

/** 1050 -> "10.50", by integer arithmetic. */
function dollars(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

test.describe("creator dashboard", () => {
  test.beforeEach(async ({ page }) => {
    await page.route("https://js.stripe.com/**", (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: "" }),
    );
  });

  test("the figures equal the API's, and the CSV exports add up to them", async ({ page }) => {
    await signInWithForm(page, DEMO.creator, undefined, "/creator");
    // Other e2e files copy the demo creator's flows at the same time: compare a page read between two equal API
    // reads, so nothing moved underneath.
    for (let attempt = 1; ; attempt++) {
      const before = await earnings(page.request);
      await page.goto("/creator");
      const shown = await displayedFigures(page);
      const thisMonth = new Date().toISOString().slice(0, 7);
      const [monthCsv, allCsv, payoutCsv] = await Promise.all([
        csv(page.request, `/creator/export/credits.csv?month=${thisMonth}`),
        csv(page.request, "/creator/export/credits.csv"),
        csv(page.request, "/creator/export/payouts.csv"),
      ]);
      const after = await earnings(page.request);
      if (JSON.stringify(before) !== JSON.stringify(after) && attempt < 4) continue;

      expect(shown).toEqual(figuresOf(after));
      // The seed gives this creator every kind of money to show.
      expect(after.pendingCents).toBeGreaterThan(0);
      expect(after.lifetimePaidCents).toBeGreaterThan(0);
      expect(after.payouts.some((p) => p.status === "paid" && p.paidAt)).toBe(true);

      const live = (r: Record<string, string>) => ["pending", "earned", "paid_out"].includes(r.status!);
      expect(total(monthCsv, live)).toBe(shown.thisMonthCents);
      expect(total(allCsv, (r) => r.status === "pending")).toBe(shown.pendingCents);
      expect(
        total(allCsv, (r) => r.status === "earned" && r.payout_month === "") -
          total(allCsv, (r) => r.status === "reversed" && r.payout_month !== "" && r.deducted_in_payout_month === ""),
      ).toBe(shown.availableCents);
      expect(total(payoutCsv, (r) => r.status === "paid")).toBe(shown.lifetimePaidCents);
      for (const r of allCsv) expect(r.amount_usd).toBe(dollars(Number(r.amount_cents)));

      // The months table shows the API's months.
      const current = after.months.find((m) => m.month === thisMonth);
      if (current) {
        const row = page.locator(`[data-testid="month-row"][data-month="${thisMonth}"]`);
        await expect(row).toContainText(String(current.qualifyingCopies));
        expect(current.earnedCents).toBe(shown.thisMonthCents);
      }
      break;
    }

    await expect(page.getByRole("heading", { name: "Payout account" })).toBeVisible();
    await expect(page.getByTestId("payout-row").first()).toBeVisible();
    await expect(page.getByRole("figure").getByTestId("activity-caption")).toContainText(/qualifying cop(y|ies)/);

    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${SHOTS}/creator-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto("/creator");
    await expect(page.getByTestId("figure-available")).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/creator-375.png`, fullPage: true });
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      // The widest boxes that stick out (sr-only ones are clipped to nothing and never do).
      const offenders = [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > width + 0.5 && el.closest(".overflow-x-auto") === null)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)}`);
      return { by: document.documentElement.scrollWidth - width, offenders };
    });
    expect(
      overflow.by,
      `no horizontal scrolling at 375px; sticking out: ${overflow.offenders.join(" | ")}`,
    ).toBeLessThanOrEqual(0);
  });

  test("range links and sortable columns are plain links kept in the URL", async ({ page }) => {
    await signInWithForm(page, DEMO.creator, undefined, "/creator");
    const range = page.getByRole("navigation", { name: "Chart range" });
    await expect(range.getByRole("link", { name: "30 days" })).toHaveAttribute("aria-current", "page");
    await range.getByRole("link", { name: "90 days" }).click();
    await expect(page).toHaveURL(/[?&]range=90/);
    await expect(range.getByRole("link", { name: "90 days" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("table", { name: /last 90 days/ }).locator("tbody tr")).toHaveCount(90);

    const copiesHeader = page.getByRole("columnheader", { name: /Copies/ }).first();
    await copiesHeader.getByRole("link").focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/sort=copies&dir=desc/);
    await expect(page).toHaveURL(/range=90/);
    await expect(page.getByRole("columnheader", { name: /Copies/ }).first()).toHaveAttribute("aria-sort", "descending");
    const copies = await page
      .getByTestId("flow-stats-row")
      .evaluateAll((rows) =>
        rows.map((row) => Number(row.querySelector('[data-column="copies"]')!.textContent!.replace(/,/g, ""))),
      );
    expect(copies.length).toBeGreaterThan(0);
    expect(copies).toEqual([...copies].sort((a, b) => b - a));

    await page.goto("/creator/payouts");
    await expect(page.getByRole("heading", { name: "Payouts", exact: true, level: 1 })).toBeVisible();
    await expect(page.getByTestId("payout-row").first()).toContainText("Paid");
  });

  test("signed out: the API is 401 and the CSVs are not served", async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const api = await anonymous.get("/api/v1/creators/me/earnings");
    expect(api.status()).toBe(401);
    expect((await api.json()).error.code).toBe("unauthorized");
    expect((await anonymous.post("/api/v1/creators/me/connect")).status()).toBe(401);
    const csvResponse = await anonymous.get("/creator/export/payouts.csv", { maxRedirects: 0 });
    expect(csvResponse.headers()["content-type"] ?? "").not.toMatch(/text\/csv/);
    await anonymous.dispose();
  });

  test("a new creator sets up payouts through Stripe's onboarding and comes back enabled", async ({ page }) => {
    const email = uniqueEmail("payouts");
    // A distinct client: registration is limited per IP.
    await page.setExtraHTTPHeaders({ "x-forwarded-for": uniqueClientIp() });
    await page.goto("/register?from=/creator");
    await page.getByLabel("Name").fill("Pia Payouts");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/register"));
    await page.goto("/creator");

    await expect(page.getByRole("heading", { name: "No earnings yet" })).toBeVisible();
    for (const id of ["available", "pending", "lifetime", "month"]) {
      await expect(page.getByTestId(`figure-${id}`).getByTestId("figure-value")).toHaveText("$0.00");
    }
    await expect(page.getByTestId("connect-state")).toHaveText("Not set up");
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/creator-empty-1280.png`, fullPage: true });

    await page.getByRole("button", { name: "Set up payouts" }).click();
    await expect(page).toHaveURL(/\/connect\/onboarding\//);
    await expect(page.getByRole("heading", { name: "Set up payouts for Flowtab" })).toBeVisible();
    const firstLink = page.url();
    await page.getByLabel("Legal name").fill("Pia Payouts");
    await page.getByLabel("Country").selectOption("US");
    await page.getByLabel("Bank account number").fill("000123456789");
    await page.getByRole("button", { name: "Agree and submit" }).click();

    await expect(page).toHaveURL(/\/creator\?connect=returned/);
    await expect(page.getByTestId("connect-state")).toHaveText("Payouts enabled");
    await expect(page.getByText("You're all set")).toBeVisible();
    await expect(page.getByRole("button", { name: /Set up payouts|Continue setup/ })).toHaveCount(0);

    // A used (or expired) link goes to refresh_url, /creator/connect/refresh, which makes a fresh one.
    await page.goto(firstLink);
    await expect(page).toHaveURL(/\/connect\/onboarding\//);
    expect(page.url()).not.toBe(firstLink);
    await expect(page.getByRole("heading", { name: "Set up payouts for Flowtab" })).toBeVisible();
    await page.goto("/creator");
    await expect(page.getByTestId("connect-state")).toHaveText("Payouts enabled");

    // The API starts onboarding for the same (single) account.
    const response = await page.request.post("/api/v1/creators/me/connect");
    expect(response.status()).toBe(200);
    expect((await response.json()).url).toMatch(/\/connect\/onboarding\//);
  });
});
