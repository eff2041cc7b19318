// The seeded catalogue's flows. A spec that picks "the newest premium flow" from the live catalogue would race with
// specs that publish and unpublish flows of their own in parallel (a flow gone between the listing and the copy).
import { expect, test } from "@playwright/test";
import { buildCatalog } from "../../../db/seed/content";

const seeded = new Set(buildCatalog().map((flow) => flow.slug));

export type ListedFlow = { slug: string; title: string; isPremium: boolean; creator: { handle: string | null } };

/**
 * Seeded flows as the catalogue lists them, newest first. `notDemoCreator`: leave out the demo creator's flows,
 * whose dashboard figures other specs check (a copy would move them).
 */
export async function seededFlows(
  access: "free" | "premium",
  { count = 1, notDemoCreator = false }: { count?: number; notDemoCreator?: boolean } = {},
): Promise<ListedFlow[]> {
  const base = test.info().project.use.baseURL!;
  const res = await fetch(`${base}/api/v1/flows?access=${access}&sort=new&pageSize=100`);
  expect(res.status, "the catalogue lists flows").toBe(200);
  const { items } = (await res.json()) as { items: ListedFlow[] };
  const picked = items
    .filter((item) => seeded.has(item.slug))
    .filter((item) => !notDemoCreator || item.creator.handle !== "demo-creator")
    .slice(0, count);
  expect(picked, `${count} seeded ${access} flows`).toHaveLength(count);
  return picked;
}
