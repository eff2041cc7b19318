import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, signInWithApi, uniqueEmail } from "./support/auth";

const FIXTURES = path.join(import.meta.dirname, "../fixtures/flows");

// Three people in three browsers (a creator who publishes, a member who reports, the admin who decides).
test.setTimeout(240_000);

/** A browser of its own, signed in as `email` when given (over HTTP: the sign-in form is auth.spec's subject). */
async function newPage(browser: Browser, email?: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  await context.route("https://js.stripe.com/**", (route) => route.fulfill({ status: 200, body: "" }));
  if (email) {
    const res = await signInWithApi(context.request, email);
    expect([200, 302, 303]).toContain(res.status());
    expect(res.headers()["location"] ?? "").not.toContain("error");
  }
  return context.newPage();
}

/** A new creator (this spec owns them and their flow) publishes a flow through the editor. */
async function creatorPublishes(page: Page, title: string): Promise<{ email: string; flowPath: string }> {
  const email = uniqueEmail("reported-creator");
  await page.goto("/register?from=/creator/flows/new");
  await page.getByLabel("Name").fill("Rory Reported");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/creator\/flows\/new$/);
  await page.getByLabel("Flow file").setInputFiles(path.join(FIXTURES, "good-flow.md"));
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("Imported good-flow.md")).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText(`“${title}” is live in the catalogue.`)).toBeVisible();
  const flowPath = await page.getByRole("link", { name: "View its page" }).getAttribute("href");
  expect(flowPath).toMatch(/^\/flows\/report-me-\d+-release-digest$/);
  return { email, flowPath: flowPath! };
}

test("a member reports a flow; the admin unpublishes it; it leaves the catalogue, the creator is emailed, the action is audited", async ({
  browser,
}) => {
  const title = `Report me ${Date.now()} release digest`;
  const creatorPage = await newPage(browser);
  const { email: creatorEmail, flowPath } = await creatorPublishes(creatorPage, title);

  // The member sees the flow in the catalogue and reports it from its page.
  const member = await newPage(browser, DEMO.member);
  await member.goto(`/flows?q=${encodeURIComponent(title)}`);
  await expect(member.getByRole("link", { name: title, exact: true })).toBeVisible();
  await member.goto(flowPath);
  await expect(member.getByRole("heading", { level: 1, name: title })).toBeVisible();

  await member.getByRole("button", { name: "Report", exact: true }).click();
  const dialog = member.getByRole("dialog", { name: "Report this flow" });
  await expect(dialog).toBeVisible();
  // Sending without a reason is refused by the form itself; nothing leaves the page.
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("radio", { name: /Broken/ }).check();
  await dialog.getByRole("textbox", { name: /Note/ }).fill("Step 3 posts to the wrong Slack channel.");
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(dialog).toBeHidden();
  await expect(member.getByText("Thanks for the report")).toBeVisible();
  await expect(member.getByRole("button", { name: "Reported" })).toBeDisabled();
  // Still reported after a reload: one open report per member and flow.
  await member.reload();
  await expect(member.getByRole("button", { name: "Reported" })).toBeDisabled();

  // The admin sees it in the queue and unpublishes the flow with a note to the creator.
  const admin = await newPage(browser, DEMO.admin);
  await admin.goto("/admin#reports");
  const report = admin.getByRole("listitem").filter({ hasText: title });
  await expect(report).toBeVisible();
  await expect(report).toContainText("Step 3 posts to the wrong Slack channel.");
  await expect(report).toContainText(`Reported by ${DEMO.member}`);
  await report.getByText("Unpublish…").click();
  await report.getByLabel(/Note to the creator/).fill("Fix step 3, then reply to this email.");
  await report.getByRole("button", { name: `Unpublish “${title}”` }).click();
  await expect(
    admin.getByText("The flow was unpublished, its open reports closed, and its creator emailed."),
  ).toBeVisible();
  await expect(admin.getByRole("listitem").filter({ hasText: title })).toHaveCount(0);

  // The admin's action is in the audit log.
  const auditRow = admin
    .locator("#audit")
    .getByRole("row")
    .filter({ hasText: "flow.unpublish" })
    .filter({ hasText: title });
  await expect(auditRow).toBeVisible();
  await expect(auditRow).toContainText(DEMO.admin);
  await expect(auditRow).toContainText("reason: broken");

  // The flow is gone from the catalogue, its page and the API.
  await member.goto(`/flows?q=${encodeURIComponent(title)}`);
  await expect(member.getByRole("link", { name: title, exact: true })).toHaveCount(0);
  expect((await member.goto(flowPath))?.status()).toBe(404);
  const api = await member.request.get(`/api/v1/flows?q=${encodeURIComponent(title)}`);
  expect(((await api.json()) as { items: unknown[] }).items).toEqual([]);

  // The creator's email is in the outbox, with the reason and the note.
  await admin.goto(`/admin/outbox?to=${encodeURIComponent(creatorEmail)}`);
  const subject = `Your flow “${title}” was unpublished`;
  const mail = admin.getByRole("row").filter({ hasText: creatorEmail });
  await expect(mail.getByRole("link", { name: subject })).toBeVisible();
  await mail.getByRole("link", { name: subject }).click();
  await expect(admin.getByTestId("email-text")).toContainText("Reason: Broken. It fails or gives wrong results.");
  await expect(admin.getByTestId("email-text")).toContainText(
    "Note from our team: Fix step 3, then reply to this email.",
  );

  // The creator cannot put it back by themselves.
  await creatorPage.goto("/creator/flows");
  const row = creatorPage.getByTestId("creator-flow-row").filter({ hasText: title });
  await expect(row.getByText("Unpublished", { exact: true })).toBeVisible();
  await expect(row.getByText("Unpublished by Flowtab after a report")).toBeVisible();
  await expect(row.getByRole("button", { name: `Publish ${title}` })).toHaveCount(0);
});
