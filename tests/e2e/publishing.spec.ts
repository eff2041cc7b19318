import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { registerMember } from "./support/accounts";
import { pageAs } from "./support/auth";

const FIXTURES = path.join(import.meta.dirname, "../fixtures/flows");
const GOOD_TITLE = "Turn a Trello board into a weekly release digest";

async function importFile(page: Page, fixture: string) {
  await page.getByLabel("Flow file").setInputFiles(path.join(FIXTURES, fixture));
  await page.getByRole("button", { name: "Import", exact: true }).click();
}

/** The published flow is found by searching the catalogue page for its title. */
async function expectFoundInCatalogue(page: Page, title: string) {
  const response = await page.goto(`/flows?q=${encodeURIComponent(title)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("main").getByText(title, { exact: true })).toHaveCount(1);
}

test.describe("creator publishing", () => {
  test("a new member imports the good Markdown file, publishes it and finds it in the catalogue", async ({ page }) => {
    // Publishing changes the creator's flows (and the catalogue): a creator of this test's own.
    await registerMember(page, "Petra Publisher", "/creator/flows/new");

    await importFile(page, "good-flow.md");
    await expect(page.getByText("Imported good-flow.md")).toBeVisible();
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue(GOOD_TITLE);
    await expect(page.getByLabel("Category")).toHaveValue("Productivity");
    await expect(page.getByLabel("Premium")).toBeChecked();
    await expect(page.getByLabel("Claude for Chrome")).toBeChecked();
    await expect(page.getByLabel("Sites")).toHaveValue("trello.com, slack.com");
    await expect(page.getByLabel("Step 5 Title")).toHaveValue("Post it");

    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page).toHaveURL(/\/creator\/flows\?notice=published/);
    await expect(page.getByText(`“${GOOD_TITLE}” is live in the catalogue.`)).toBeVisible();
    const row = page.getByTestId("creator-flow-row").filter({ hasText: GOOD_TITLE });
    await expect(row.getByText("Published", { exact: true })).toBeVisible();
    await expect(row.getByRole("button", { name: `Unpublish ${GOOD_TITLE}` })).toBeVisible();

    await expectFoundInCatalogue(page, GOOD_TITLE);
  });

  test("importing files with mistakes shows each error next to its field, and saves nothing", async ({
    browser,
    baseURL,
  }) => {
    const page = await pageAs(browser, "creator", baseURL);
    await page.goto("/creator/flows/new");

    await importFile(page, "bad-flow.md");
    await expect(page.getByText("bad-flow.md has 7 problems")).toBeVisible();
    const title = page.getByLabel("Title", { exact: true });
    await expect(title).toHaveValue("Short");
    await expect(title).toHaveAttribute("aria-invalid", "true");
    await expect(title).toHaveAccessibleDescription(/Use at least 8 characters for the title\./);
    await expect(page.getByLabel("Step 2 Title")).toHaveAccessibleDescription(/Step 2 has no body/);
    await expect(page.getByLabel("Sites")).toHaveAccessibleDescription(
      /"not a domain" is not a domain like github\.com\./,
    );

    await importFile(page, "bad-flow.json");
    await expect(page.getByText("bad-flow.json has 4 problems")).toBeVisible();
    await expect(page.getByLabel("Prompt text")).toHaveAccessibleDescription(/Enter the prompt text\./);
    await expect(page.getByLabel("Step 2 Title")).toHaveAccessibleDescription(/Enter a step title\./);

    // Saving it anyway: the server answers with the same per-field errors and keeps what was typed.
    await page.getByLabel("Title", { exact: true }).fill("A draft with problems left in it");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("4 fields need your attention")).toBeVisible();
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue("A draft with problems left in it");
    await expect(page).toHaveURL(/\/creator\/flows\/new$/);

    await page.goto("/creator/flows");
    await expect(page.getByTestId("creator-flow-row").filter({ hasText: "A draft with problems" })).toHaveCount(0);
    await page.context().close();
  });

  test("another member opening the creator's edit URL gets a 404", async ({ browser, baseURL }) => {
    const page = await pageAs(browser, "creator", baseURL);
    await page.goto("/creator/flows");
    const editLink = page
      .getByTestId("creator-flow-row")
      .first()
      .getByRole("link", { name: /^Edit / });
    const href = await editLink.getAttribute("href");
    expect(href).toMatch(/^\/creator\/flows\/[0-9a-f-]{36}\/edit$/);
    expect((await page.goto(href!))!.status()).toBe(200);

    const member = await pageAs(browser, "member", baseURL);
    const response = await member.goto(href!);
    expect(response!.status()).toBe(404);
    await expect(member.getByRole("heading", { level: 1 })).toContainText("isn’t in any flow");
    // A malformed id looks exactly the same.
    expect((await member.goto("/creator/flows/not-a-flow-id/edit"))!.status()).toBe(404);
    await Promise.all([page.context().close(), member.context().close()]);
  });
});
