import { expect, test } from "@playwright/test";
import { DEMO, signInWithForm } from "./support/auth";

/** Premium slugs, newest first. The seeded subscriber has copied 37 flows, so most of these are new to them. */
async function premiumSlugs(request: import("@playwright/test").APIRequestContext) {
  const res = await request.get("/api/v1/flows?access=premium&sort=new&pageSize=100");
  const { items } = (await res.json()) as { items: Array<{ slug: string }> };
  return items.map((i) => i.slug);
}

test.describe("the protected reader", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("the subscriber copies a flow: the clipboard holds the text and the counter moves by one", async ({ page }) => {
    await signInWithForm(page, DEMO.subscriber);
    const slugs = await premiumSlugs(page.request);
    for (const slug of slugs) {
      await page.goto(`/library/${slug}`);
      const counter = page.getByTestId("copy-counter");
      const before = Number((await counter.textContent())!.match(/(\d+) of 100/)![1]);
      await page.getByRole("button", { name: "Copy flow" }).click();
      const toast = page.getByText(/Flow copied/).first();
      await expect(toast).toBeVisible();
      const clip = await page.evaluate(() => navigator.clipboard.readText());
      expect(clip).toContain("## Objective");
      // A flow copied earlier this period counts once: try the next one.
      if (await page.getByText("You copied this flow before").isVisible()) continue;
      await expect(counter).toContainText(`${before + 1} of 100 paid copies used this period`);
      // The text itself is rendered but not selectable.
      const userSelect = await page
        .locator("[data-protected-reader]")
        .evaluate((el) => getComputedStyle(el).userSelect);
      expect(userSelect).toBe("none");
      return;
    }
    throw new Error("no uncopied premium flow found");
  });

  test("a premium reader page is not served to a free member", async ({ page }) => {
    await signInWithForm(page, DEMO.member);
    const res = await page.request.get("/api/v1/flows?access=premium&pageSize=1");
    const slug = (await res.json()).items[0].slug as string;
    await page.goto(`/library/${slug}`);
    await expect(page).toHaveURL(/\/pricing$/);
  });

  test("the library lists saved flows and copy history", async ({ page }) => {
    await signInWithForm(page, DEMO.subscriber);
    await page.goto("/library");
    await expect(page.getByRole("heading", { name: "Saved flows" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Copy history" })).toBeVisible();
    await expect(page.getByText(/\d+ copies in all/)).toBeVisible();
  });
});
