// Keyboard only (no mouse): the Copy button, the reader and the checkout path, as someone using Tab and Enter would.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { registerMember, registerSubscriber } from "./support/accounts";
import { verifyEmailFromOutbox } from "./support/auth";
import { expectNoSeriousViolations } from "./support/axe";
import { CARD, SANDBOX } from "./support/sandbox";
import { seededFlows } from "./support/seeded";

/** Presses Tab until `target` has the focus (at most `max` times); fails if the keyboard never gets there. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target, `reached with Tab within ${max} presses`).toBeFocused();
}

/** Moves to the field with Tab, then types. */
async function tabToAndType(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

async function firstFlowSlug(access: "free" | "premium") {
  // Not the demo creator's: its dashboard figures are checked elsewhere in the same run.
  const [flow] = await seededFlows(access, { notDemoCreator: true });
  return flow!.slug;
}

test.describe("keyboard only", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("the Copy button on a free flow: Tab to it, Enter copies", async ({ page }) => {
    await registerMember(page, "Kira Keys");
    const slug = await firstFlowSlug("free");
    const full = await (await page.request.get(`/api/v1/flows/${slug}`)).json();
    await page.goto(`/flows/${slug}`);
    const copy = page.getByRole("main").getByRole("button", { name: "Copy flow" });
    await tabTo(page, copy);
    await page.keyboard.press("Enter");
    await expect(page.getByText("Flow copied")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(full.promptText);
  });

  test("the reader: from the flow page to the Library with Enter, copy with Space, scroll the text", async ({
    page,
  }) => {
    await registerSubscriber(page, "Rex Reader");
    const slug = await firstFlowSlug("premium");
    await page.goto(`/flows/${slug}`);
    await tabTo(page, page.getByRole("main").getByRole("link", { name: /Open in Library/ }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/library/${slug}$`));

    const counter = page.getByTestId("copy-counter");
    await expect(counter).toContainText("0 of 100 paid copies used this period");
    await tabTo(page, page.getByRole("button", { name: "Copy flow" }));
    await page.keyboard.press("Space");
    await expect(page.getByText("Flow copied").first()).toBeVisible();
    await expect(counter).toContainText("1 of 100 paid copies used this period");
    await expectNoSeriousViolations(page, "the reader after a copy");
  });

  test("checkout: pricing -> the sandbox's hosted Checkout -> success -> Library", async ({ page }) => {
    await page.route("https://js.stripe.com/**", (route) =>
      route.fulfill({ status: 200, contentType: "application/javascript", body: "" }),
    );
    const email = await registerMember(page, "Cass Checkout", "/pricing");
    // A trial needs a verified email: follow the mailed link, then back to the pricing page.
    await verifyEmailFromOutbox(page, page.context().browser()!, email);
    await page.goto("/pricing");
    await tabTo(page, page.getByRole("button", { name: "Start 7-day free trial" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`^${SANDBOX}/checkout/cs_`));

    await tabToAndType(page, page.getByLabel("Card number"), CARD.visa);
    await tabToAndType(page, page.getByLabel("Expiry date (MM / YY)"), "12 / 34");
    await tabToAndType(page, page.getByLabel("CVC"), "123");
    await tabTo(page, page.getByRole("button", { name: "Start trial", exact: true }));
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(/\/checkout\/success\?session_id=cs_/);
    await expect(page.getByRole("heading", { name: "Your free trial has started" })).toBeVisible();
    await expectNoSeriousViolations(page, "the checkout success page");
    await tabTo(page, page.getByRole("link", { name: "Open the Library" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/library$/);
  });
});
