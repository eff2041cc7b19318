import { expect, test } from "@playwright/test";
import { registerSubscriber } from "./support/accounts";
import { signedIn } from "./support/auth";
import { seededFlows } from "./support/seeded";

/** A premium flow of another creator than the demo creator (whose dashboard figures other specs check). */
async function premiumSlugNotByDemoCreator() {
  const [flow] = await seededFlows("premium", { notDemoCreator: true });
  return flow!.slug;
}

test.describe("the protected reader", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("a new subscriber copies a flow: the clipboard holds the text and the counter moves by one", async ({
    page,
  }) => {
    await registerSubscriber(page, "Rea Reader");
    const slug = await premiumSlugNotByDemoCreator();
    const { title } = (await (await page.request.get(`/api/v1/flows/${slug}`)).json()) as { title: string };

    await page.goto(`/library/${slug}`);
    const counter = page.getByTestId("copy-counter");
    await expect(counter).toContainText("0 of 100 paid copies used this period");
    await page.getByRole("button", { name: "Copy flow" }).click();
    await expect(page.getByText(/Flow copied/).first()).toBeVisible();
    await expect(counter).toContainText("1 of 100 paid copies used this period");
    // The JSON read has no premium text; the copy endpoint gives it (a repeat: counted once, as below).
    const again = await page.request.post(`/api/v1/flows/${slug}/copy`, { data: { source: "web" } });
    const { promptText, copy } = (await again.json()) as { promptText: string; copy: { alreadyCopied: boolean } };
    expect(copy.alreadyCopied).toBe(true);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(promptText);
    // The text itself is rendered but not selectable.
    const userSelect = await page.locator("[data-protected-reader]").evaluate((el) => getComputedStyle(el).userSelect);
    expect(userSelect).toBe("none");

    // The same flow again this period: said so, and counted once.
    await page.reload();
    await page.getByRole("button", { name: "Copy flow" }).click();
    await expect(page.getByText("You copied this flow before")).toBeVisible();
    await expect(counter).toContainText("1 of 100 paid copies used this period");

    // The Library's copy history: this one copy, which paid its creator.
    await page.goto("/library");
    await expect(page.getByText("1 copy in all")).toBeVisible();
    const entry = page.getByRole("listitem").filter({ hasText: title });
    await expect(entry).toContainText("Paid its creator");
  });

  test.describe("a free member", () => {
    test.use({ storageState: signedIn("member") });
    test("is not served a premium reader page", async ({ page }) => {
      const res = await page.request.get("/api/v1/flows?access=premium&pageSize=1");
      const slug = (await res.json()).items[0].slug as string;
      await page.goto(`/library/${slug}`);
      await expect(page).toHaveURL(/\/pricing$/);
    });
  });

  test.describe("the demo subscriber", () => {
    test.use({ storageState: signedIn("subscriber") });
    test("the library lists saved flows and copy history", async ({ page }) => {
      await page.goto("/library");
      await expect(page.getByRole("heading", { name: "Saved flows" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Copy history" })).toBeVisible();
      // Other specs copy as the demo subscriber too, so the total depends on the order they ran in.
      await expect(page.getByText(/^\d+ copies in all$/)).toBeVisible();
    });
  });
});
