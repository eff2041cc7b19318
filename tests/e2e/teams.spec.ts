// Teams end to end: an owner buys 3 seats in the sandbox's Checkout, invites by email, raises the seats in the
// sandbox's portal when they run out; a teammate signs up through the emailed link, copies a premium flow (its
// creator is credited 7c) and loses access when removed. The emails are read where an admin reads them.
import { expect as baseExpect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { parseCsv } from "../helpers/csv";
import { DEMO, signInWithApi, uniqueClientIp, uniqueEmail, verifyEmailFromOutbox } from "./support/auth";

const SANDBOX = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? "12199"}`;
const atPath = (path: string) => (url: URL) => url.pathname === path;

// Each step crosses the app, the sandbox and a browser on a busy 2-core machine: waits get more time.
const expect = baseExpect.configure({ timeout: 30_000 });
test.use({ navigationTimeout: 30_000 });

/** Signs a browser context in over HTTP (support/auth's signInWithApi): its pages share the session cookie. */
async function signIn(context: BrowserContext, email: string) {
  const response = await signInWithApi(context.request, email);
  expect(response.status()).toBe(302);
  expect((await (await context.request.get("/api/user/me")).json()).user.email).toBe(email);
}

test.beforeEach(async ({ page }) => {
  await page.route("https://js.stripe.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "application/javascript", body: "" }),
  );
});

/** The owner registers from their own client address and confirms the email (Checkout needs a verified one). */
async function registerOwner(page: Page, name: string): Promise<string> {
  const email = uniqueEmail("team-owner");
  await page.setExtraHTTPHeaders({ "x-forwarded-for": uniqueClientIp() });
  await page.goto("/register?from=/pricing");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(atPath("/pricing"));
  await verifyEmailFromOutbox(page, page.context().browser()!, email);
  await page.goto("/pricing");
  return email;
}

/** The invitation link mailed to `to`, read from the email outbox as the platform admin sees it. */
async function invitationLink(browser: Browser, to: string): Promise<string> {
  const context = await browser.newContext();
  try {
    await signIn(context, DEMO.admin);
    const admin = await context.newPage();
    await admin.goto(`/admin/outbox?to=${encodeURIComponent(to)}`);
    await admin.getByRole("row").filter({ hasText: to }).getByRole("link").first().click();
    const text = (await admin.getByTestId("email-text").textContent()) ?? "";
    const link = /http:\/\/localhost:\d+\/invite\/[A-Za-z0-9_-]{43}/.exec(text)?.[0];
    if (!link) throw new Error(`no invitation link in the mail to ${to}`);
    return new URL(link).pathname;
  } finally {
    await context.close();
  }
}

async function invite(page: Page, email: string) {
  const form = page.getByRole("form", { name: "Invite a teammate" });
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Send invitation" }).click();
}

/** A premium flow of a seeded creator other than the demo one (other spec files copy the demo creator's flows). */
async function quietPremiumFlow(page: Page): Promise<{ slug: string; creatorEmail: string }> {
  type Page_ = { total: number; items: { slug: string; creator: { handle: string } }[] };
  const url = "/api/v1/flows?access=premium&sort=new&pageSize=100";
  const first = (await (await page.request.get(url)).json()) as Page_;
  // The oldest premium flows: the newest ones are what the other spec files copy.
  const last = (await (await page.request.get(`${url}&page=${Math.ceil(first.total / 100)}`)).json()) as Page_;
  const flow = last.items.reverse().find((i) => i.creator.handle !== "demo-creator");
  if (!flow) throw new Error("no premium flow by a seeded creator");
  return { slug: flow.slug, creatorEmail: `${flow.creator.handle}@creators.flowtab.dev` };
}

/** The creator's ledger rows for one flow, from their own CSV export. */
async function creditsFor(browser: Browser, creatorEmail: string, slug: string) {
  const context = await browser.newContext();
  try {
    await signIn(context, creatorEmail);
    const csv = await (await context.request.get("/creator/export/credits.csv")).text();
    return parseCsv(csv).filter((r) => r.flow_slug === slug);
  } finally {
    await context.close();
  }
}

test("an owner buys 3 seats, invites, adds a seat in the portal; a teammate copies until removed", async ({
  page,
  browser,
}) => {
  test.setTimeout(480_000);
  const team = `Acme Research ${Date.now() % 100000}`;
  await registerOwner(page, "Olga Owner");

  // The pricing page's Team card leads to /account/team, which sends the owner to Checkout for 3 seats.
  await page.getByRole("link", { name: "Create a team" }).click();
  await expect(page).toHaveURL(atPath("/account/team"));
  const create = page.getByRole("form", { name: "Create a team" });
  await create.getByLabel("Team name").fill(team);
  await create.getByLabel("Seats").fill("3");
  await create.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page).toHaveURL(new RegExp(`^${SANDBOX}/checkout/cs_`));
  await expect(page.getByText("Flowtab Premium × 3: $30.00 per month")).toBeVisible();
  await expect(page.getByText("Total due today: $30.00")).toBeVisible();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry date (MM / YY)").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByRole("heading", { name: `${team} is ready` })).toBeVisible();
  await page.getByRole("link", { name: "Invite your team" }).click();
  await expect(page.getByTestId("seat-count")).toHaveText("3");

  // Two invitations fill the seats (the owner holds one); a third is refused with the way to add seats.
  const [ann, ben, cy] = ["ann", "ben", "cy"].map((n) => uniqueEmail(`team-${n}`));
  await invite(page, ann!);
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${ann}.` })).toBeVisible();
  await invite(page, ben!);
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${ben}.` })).toBeVisible();
  await invite(page, cy!);
  await expect(
    page.getByText("All 3 seats are taken (1 member, 2 pending invitations).", { exact: false }),
  ).toBeVisible();
  await expect(page.getByRole("listitem", { name: /^Invitation to / })).toHaveCount(2);

  // Seats 3 -> 4 in the portal; back in Flowtab the invitation goes through.
  await page.getByRole("button", { name: "Add seats in the billing portal" }).click();
  await expect(page).toHaveURL(new RegExp(`^${SANDBOX}/portal/`));
  await page.getByLabel("Seats").fill("4");
  await page.getByRole("button", { name: "Update seats" }).click();
  await expect(page.getByRole("status")).toHaveText("Your seats were updated.");
  await page.getByRole("link", { name: "Return to Flowtab" }).click();
  await expect(page).toHaveURL(atPath("/account"));
  await page.goto("/account/team");
  await expect(page.getByTestId("seat-count")).toHaveText("4");
  await invite(page, cy!);
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${cy}.` })).toBeVisible();
  await expect(page.getByRole("listitem", { name: /^Invitation to / })).toHaveCount(3);

  // Ann opens her link signed out, creates her account on the way (the link survives it) and accepts.
  const link = await invitationLink(browser, ann!);
  const annContext = await browser.newContext();
  const annPage = await annContext.newPage();
  await annPage.setExtraHTTPHeaders({ "x-forwarded-for": uniqueClientIp() });
  await annPage.goto(link);
  await expect(annPage.getByRole("heading", { name: `Join ${team} on Flowtab` })).toBeVisible();
  await annPage.getByRole("link", { name: "Create an account" }).click();
  await expect(annPage.getByLabel("Email")).toHaveValue(ann!);
  await annPage.getByLabel("Name").fill("Ann Teammate");
  await annPage.getByLabel("Password").fill("correct horse battery");
  await annPage.getByRole("button", { name: "Create account" }).click();
  await expect(annPage).toHaveURL(atPath(link));
  await annPage.getByRole("button", { name: "Accept invitation" }).click();
  const welcome = annPage.getByRole("status").filter({ hasText: `Welcome to ${team}` });
  await expect(welcome).toContainText("You hold one of the team's seats");
  // She belongs to two tenants now: the header lets her choose, and she acts in the team.
  await expect(annPage.getByLabel("Workspace")).toHaveValue(/.+/);
  await expect(annPage.getByLabel("Workspace").locator("option:checked")).toHaveText(team);

  // She copies a premium flow in the reader: a qualifying copy, and the flow's creator is credited 7c.
  const { slug, creatorEmail } = await quietPremiumFlow(annPage);
  const before = await creditsFor(browser, creatorEmail, slug);
  await annPage.goto(`/library/${slug}`);
  const copied = annPage.waitForResponse((r) => r.url().endsWith(`/api/v1/flows/${slug}/copy`));
  await annPage.getByRole("button", { name: "Copy flow" }).click();
  const response = await copied;
  expect(response.status()).toBe(200);
  expect((await response.json()).copy).toMatchObject({
    countedForPayout: true,
    alreadyCopied: false,
    paidCopiesRemaining: 99,
  });
  const after = await creditsFor(browser, creatorEmail, slug);
  const fresh = after.filter((r) => !before.some((b) => b.credit_id === r.credit_id));
  expect(fresh.map((r) => r.amount_cents)).toEqual(["7"]);

  // The owner removes her; her next copy is refused and the Library sends her to pricing.
  await page.goto("/account/team");
  await page.getByRole("button", { name: "Remove Ann Teammate" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ann Teammate was removed from the team." })).toBeVisible();
  const refused = await annPage.request.post(`/api/v1/flows/${slug}/copy`, { data: { source: "web" } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error).toMatchObject({ code: "premium_required" });
  await annPage.goto(`/library/${slug}`);
  await expect(annPage).toHaveURL(atPath("/pricing"));
  await annContext.close();
});
