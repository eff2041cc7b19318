// Signs each demo account in once per run (through the login form, as a person would) and saves the session, so
// the specs start signed in instead of paying a sign-in each (tests/e2e/support/auth.ts: signedIn()).
import { expect, test as setup } from "@playwright/test";
import { DEMO, signInWithForm, signedIn, type DemoRole } from "./support/auth";

for (const role of Object.keys(DEMO) as DemoRole[]) {
  setup(`sign in as the demo ${role}`, async ({ page }) => {
    await signInWithForm(page, DEMO[role]);
    const me = await page.request.get("/api/user/me");
    expect(me.status()).toBe(200);
    expect((await me.json()).user.email).toBe(DEMO[role]);
    await page.context().storageState({ path: signedIn(role) });
  });
}
