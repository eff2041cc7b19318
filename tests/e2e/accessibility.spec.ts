// axe-core (WCAG 2.1 A/AA) on every page a visitor, member, subscriber, creator and admin sees: no serious or
// critical violation. The keyboard-only journeys are in keyboard.spec.ts.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { registerMember } from "./support/accounts";
import { signedIn, type DemoRole } from "./support/auth";
import { expectNoSeriousViolations } from "./support/axe";

type Flow = { slug: string; isPremium: boolean; creator: { handle: string | null } };

async function firstFlow(request: APIRequestContext, access: "free" | "premium"): Promise<Flow> {
  const { items } = (await (await request.get(`/api/v1/flows?access=${access}&pageSize=1`)).json()) as {
    items: Flow[];
  };
  return items[0]!;
}

/** Opens each path and checks it; also checks the account menu opened on the first page of a signed-in role. */
async function scan(page: Page, paths: string[]) {
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await expectNoSeriousViolations(page, path);
  }
}

test.describe("accessibility: a visitor", () => {
  test("landing, pricing, catalogue, search, flow pages, creator page, sign-in, registration, API docs", async ({
    page,
  }) => {
    const free = await firstFlow(page.request, "free");
    const premium = await firstFlow(page.request, "premium");
    await scan(page, [
      "/",
      "/pricing",
      "/flows",
      "/flows?q=report",
      "/flows?q=zzzqqxx",
      `/flows/${free.slug}`,
      `/flows/${premium.slug}`,
      "/creators/demo-creator",
      "/login",
      "/register",
      "/docs/api",
    ]);
  });
});

const signedInPages: Record<Exclude<DemoRole, "admin" | "creator">, string[]> = {
  member: ["/", "/flows?q=report", "/account", "/account/tokens", "/pricing"],
  subscriber: ["/library", "/account", "/flows?q=report"],
};

for (const [role, paths] of Object.entries(signedInPages) as [keyof typeof signedInPages, string[]][]) {
  test.describe(`accessibility: the demo ${role}`, () => {
    test.use({ storageState: signedIn(role) });
    test(`${paths.join(", ")}, a flow page and the open account menu`, async ({ page }) => {
      const premium = await firstFlow(page.request, "premium");
      await scan(page, [...paths, `/flows/${premium.slug}`]);
      if (role === "subscriber") await scan(page, [`/library/${premium.slug}`]);
      await page.getByRole("button", { name: /account menu/i }).click();
      await expect(page.getByRole("menu", { name: "Account" })).toBeVisible();
      await expectNoSeriousViolations(page, "the open account menu");
    });
  });
}

test.describe("accessibility: the demo creator", () => {
  test.use({ storageState: signedIn("creator") });
  test("dashboard, flows, new flow, edit flow, payouts", async ({ page }) => {
    await scan(page, ["/creator", "/creator?range=90&sort=copies&dir=desc", "/creator/flows", "/creator/flows/new"]);
    const edit = await page
      .getByTestId("creator-flow-row")
      .first()
      .getByRole("link", { name: /^Edit / })
      .getAttribute("href");
    await scan(page, [edit!, "/creator/payouts"]);
  });
});

test.describe("accessibility: the admin", () => {
  test.use({ storageState: signedIn("admin") });
  test("console, email outbox and one message", async ({ page, browser, baseURL }) => {
    const newcomer = await browser.newContext({ baseURL });
    const email = await registerMember(await newcomer.newPage(), "Ada Axe"); // a welcome email to open
    await newcomer.close();
    await scan(page, ["/admin", "/admin/outbox"]);
    const message = await page.getByRole("row").filter({ hasText: email }).getByRole("link").getAttribute("href");
    await scan(page, [message!]);
  });
});
