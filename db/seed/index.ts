import type { Db } from "../types";
import { buildCatalog, CREATORS } from "./content";
import { seedContent, type SeedSummary } from "./seed-content";

export type { SeedSummary } from "./seed-content";
export { DemoSeedRefused } from "./guard";

/**
 * Seeds Flowtab's demo marketplace: the catalogue, the demo logins (password "flowtab-demo"), synthetic readers with
 * subscriptions, copies, credits, invoices and a paid payout. One transaction; running it again changes nothing.
 * With `onlyIfEmpty` it returns at once (skipped) when the admin demo account exists.
 */
export async function seedDatabase(
  db: Db,
  options: { onlyIfEmpty?: boolean; force?: boolean } = {},
): Promise<SeedSummary> {
  return seedContent(db, () => ({ flows: buildCatalog(), creators: CREATORS }), options);
}
