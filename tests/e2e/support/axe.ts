import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** WCAG 2.1 A and AA (axe-core's tags), as the product promises. */
const WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical WCAG 2.1 A/AA violation, listing each
 * rule with the elements that break it. Sandboxed iframes are left out: they show a document that is not the app's
 * page (the admin's preview of an email), and axe's run inside a frame without scripts sometimes never returns.
 */
export async function expectNoSeriousViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page })
    .withTags(WCAG21_AA)
    .exclude("iframe[sandbox]")
    .setLegacyMode(true)
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} -> ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  expect(serious, `${what} (${page.url()})`).toEqual([]);
  // axe looked at the page (a blank or crashed page would pass vacuously).
  expect(results.passes.length, what).toBeGreaterThan(10);
}
