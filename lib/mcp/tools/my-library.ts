import "server-only";
import { z } from "zod";
import { listCopiesInPeriod, listSavedFlows } from "@/db/queries/library";
import { copyPeriodFor } from "@/lib/copies/period";
import { getEntitlement } from "@/lib/entitlements";
import { defineTool } from "./define";

export const myLibraryTool = defineTool({
  name: "my_library",
  title: "My Flowtab library",
  description:
    "The flows you saved on Flowtab (newest first) and the flows you copied in this billing period, with where " +
    "each copy came from (web, api, extension or mcp) and whether it paid its creator.",
  scope: "flows:read",
  input: z
    .object({ page: z.number().int().min(1).max(10_000).optional().describe("Page of both lists (20 a page).") })
    .strict(),
  annotations: { readOnlyHint: true, openWorldHint: false },
  run: async ({ db, userId }, { page = 1 }) => {
    const now = new Date();
    const period = copyPeriodFor(await getEntitlement(db, { userId, now }), now);
    const [saved, copies] = await Promise.all([
      listSavedFlows(db, { userId, page }),
      listCopiesInPeriod(db, { userId, periodStart: period.start, page }),
    ]);
    return {
      saved: {
        items: saved.items.map((item) => ({
          slug: item.slug,
          title: item.title,
          summary: item.summary,
          isPremium: item.isPremium,
          creator: { name: item.creatorName },
          savedAt: item.savedAt.toISOString(),
        })),
        total: saved.total,
        page: saved.page,
        pageSize: saved.pageSize,
      },
      copiesThisPeriod: {
        periodStart: period.start.toISOString(),
        periodEnd: period.end.toISOString(),
        items: copies.items.map((item) => ({ ...item, copiedAt: item.copiedAt.toISOString() })),
        total: copies.total,
        page: copies.page,
        pageSize: copies.pageSize,
      },
    };
  },
});
