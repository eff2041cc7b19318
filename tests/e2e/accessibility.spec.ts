// axe-core (WCAG 2.1 A/AA) on every page a visitor, member, subscriber, creator and admin sees: no serious or
// critical violation. One test per page. The keyboard-only journeys are in keyboard.spec.ts.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { registerMember } from "./support/accounts";
import { signedIn, visitorPage, type DemoRole } from "./support/auth";
import { expectNoSeriousViolations } from "./support/axe";

// axe walks every element of a page: generous on a busy machine.
test.describe.configure({ timeout: 120_000 });

type Flow = { slug: string };

/** The first free or premium flow of the catalogue (read at the start of each test, never guessed). */
async function flowPath(request: APIRequestContext, access: "free" | "premium", prefix = "/flows"): Promise<string> {
  const { items } = (await (await request.get(`/api/v1/flows?access=${access}&pageSize=1`)).json()) as {
    items: Flow[];
  };
  return `${prefix}/${items[0]!.slug}`;
}

type PagePath = string | ((page: Page) => Promise<string>);

async function scan(page: Page, path: PagePath) {
  const url = typeof path === "string" ? path : await path(page);
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  await expectNoSeriousViolations(page, url);
}

const free = (page: Page) => flowPath(page.request, "free");
const premium = (page: Page) => flowPath(page.request, "premium");

const pagesByRole: Record<"visitor" | DemoRole, Record<string, PagePath>> = {
  visitor: {
    landing: "/",
    pricing: "/pricing",
    catalogue: "/flows",
    "catalogue search": "/flows?q=report",
    "catalogue, nothing found": "/flows?q=zzzqqxx",
    "catalogue, filtered": "/flows?access=free&sort=new&page=2",
    "free flow": free,
    "premium flow": premium,
    "creator page": "/creators/demo-creator",
    "sign in": "/login",
    register: "/register",
    "API docs": "/docs/api",
  },
  member: {
    landing: "/",
    "catalogue search": "/flows?q=report",
    "premium flow": premium,
    account: "/account",
    "API tokens": "/account/tokens",
    pricing: "/pricing",
    "checkout link that does not exist": "/checkout/success?session_id=cs_test_madeup",
  },
  subscriber: {
    library: "/library",
    reader: (page) => flowPath(page.request, "premium", "/library"),
    account: "/account",
    "catalogue search": "/flows?q=report",
    "premium flow": premium,
  },
  creator: {
    dashboard: "/creator",
    "dashboard, 90 days by copies": "/creator?range=90&sort=copies&dir=desc",
    flows: "/creator/flows",
    "new flow": "/creator/flows/new",
    "edit flow": async (page) => {
      await page.goto("/creator/flows");
      const edit = page
        .getByTestId("creator-flow-row")
        .first()
        .getByRole("link", { name: /^Edit / });
      return (await edit.getAttribute("href"))!;
    },
    payouts: "/creator/payouts",
  },
  admin: {
    console: "/admin",
    "email outbox": "/admin/outbox",
    "one email": async (page) => {
      // A welcome email of this test's own to open.
      const newcomer = await visitorPage(page.context().browser()!, test.info().project.use.baseURL);
      const email = await registerMember(newcomer, "Ada Axe");
      await newcomer.context().close();
      await page.goto(`/admin/outbox?to=${encodeURIComponent(email)}`);
      // Registration mails a welcome and a verification link: open the welcome.
      const row = page.getByRole("row").filter({ hasText: email }).filter({ hasText: "Welcome to Flowtab" });
      return (await row.getByRole("link").getAttribute("href"))!;
    },
  },
};

for (const [role, pages] of Object.entries(pagesByRole)) {
  test.describe(`accessibility: ${role === "visitor" ? "a visitor" : `the demo ${role}`}`, () => {
    if (role !== "visitor") test.use({ storageState: signedIn(role as DemoRole) });
    for (const [name, path] of Object.entries(pages)) {
      test(`${name}${typeof path === "string" ? ` (${path})` : ""}`, async ({ page }) => {
        await scan(page, path);
      });
    }
    if (role !== "visitor") {
      test("the open account menu", async ({ page }) => {
        await page.goto("/flows?q=report");
        await page.getByRole("button", { name: /account menu/i }).click();
        await expect(page.getByRole("menu", { name: "Account" })).toBeVisible();
        await expectNoSeriousViolations(page, "the open account menu");
      });
    }
  });
}
