import "server-only";
import { z } from "zod";
import { getCatalogPage } from "@/db/queries/flows";
import { getEntitlement } from "@/lib/entitlements";
import { CATALOG_SORTS, DEFAULT_PAGE_SIZE } from "@/lib/flows/catalog-href";
import { catalogParamsSchema } from "@/lib/flows/catalog-params";
import { toCatalogPageJson } from "@/lib/flows/public-json";
import { defineTool } from "./define";

const params = catalogParamsSchema.shape;

// The catalogue of GET /api/v1/flows, with the same limits on each field; `query` is the API's `q`.
const input = z
  .object({
    query: params.q.describe("Words to search for in titles, summaries, tags and step titles."),
    agent: params.agent.describe('Only flows tested with this agent, e.g. "Claude for Chrome".'),
    site: params.site.describe('Only flows for this website, e.g. "github.com".'),
    tag: params.tag.describe('Only flows with this tag, e.g. "price-tracking".'),
    access: params.access.describe("free: flows anyone may read; premium: flows for subscribers."),
    sort: z.enum(CATALOG_SORTS).optional().describe("popular (copies in 30 days, the default), new or liked."),
    page: z.number().int().min(1).max(10_000).optional().describe(`Page number; ${DEFAULT_PAGE_SIZE} flows a page.`),
  })
  .strict();

export const searchFlowsTool = defineTool({
  name: "search_flows",
  title: "Search Flowtab flows",
  description:
    "Find flows (tested step-by-step instructions for AI browser agents) by words, agent, website, tag or " +
    "free/premium. Returns public fields only (title, summary, agents, sites, tags, creator, counts); load a " +
    "flow's instructions with get_flow.",
  scope: "flows:read",
  input,
  annotations: { readOnlyHint: true, openWorldHint: false },
  run: async (context, { query, page, ...filters }) => {
    const catalog = catalogParamsSchema.parse({ ...filters, q: query, page, pageSize: DEFAULT_PAGE_SIZE });
    // Premium text is searchable only by a caller who may read it (the same rule as GET /api/v1/flows): the
    // token acts with its own tenant's plan, never with the best plan its owner has elsewhere.
    const { premiumAccess } = await getEntitlement(context.db, { userId: context.userId, tenantId: context.tenantId });
    const searchScope = premiumAccess ? "full" : "public";
    const result = toCatalogPageJson(await getCatalogPage(context.db, { ...catalog, searchScope }));
    return {
      ...result,
      items: result.items.map((item) => ({ ...item, url: new URL(`/flows/${item.slug}`, context.appUrl).href })),
    };
  },
});
