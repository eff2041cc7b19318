import { expect, type Page } from "@playwright/test";

export const SCOPES = ["flows:read", "flows:copy", "earnings:read"] as const;
export type Scope = (typeof SCOPES)[number];

/** Creates an API token with exactly `scopes` through /account/tokens (the page must be signed in). */
export async function createToken(page: Page, name: string, scopes: readonly Scope[]): Promise<string> {
  await page.goto("/account/tokens");
  await page.getByLabel("Name").fill(name);
  for (const scope of SCOPES) {
    await page.getByRole("checkbox", { name: new RegExp(`^${scope}`) }).setChecked(scopes.includes(scope));
  }
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  expect(token).toMatch(/^ft_/);
  return token;
}
