import type { CatalogItem, CatalogPage, FlowDetail, FlowText } from "@/db/queries/flows";

// The JSON shapes of GET /api/v1/flows and GET /api/v1/flows/{slug} (PRODUCT.md). Fields are picked one by one,
// so a column added to a query never reaches the API by accident.

type CatalogItemJson = {
  slug: string;
  title: string;
  summary: string;
  agents: string[];
  sites: string[];
  tags: string[];
  isPremium: boolean;
  creator: { handle: string | null; name: string | null };
  copies: number;
  likes: number;
  updatedAt: string;
};

export type CatalogPageJson = { items: CatalogItemJson[]; page: number; pageSize: number; total: number };

export type FlowJson = CatalogItemJson & { steps: string[]; promptText?: string };

function toCatalogItemJson(item: CatalogItem | FlowDetail): CatalogItemJson {
  return {
    slug: item.slug,
    title: item.title,
    summary: item.summary,
    agents: item.agents,
    sites: item.sites,
    tags: item.tags,
    isPremium: item.isPremium,
    creator: { handle: item.creator.handle, name: item.creator.name },
    copies: item.copies,
    likes: item.likes,
    updatedAt: item.updatedAt.toISOString(),
  };
}

export function toCatalogPageJson(page: CatalogPage): CatalogPageJson {
  return { items: page.items.map(toCatalogItemJson), page: page.page, pageSize: page.pageSize, total: page.total };
}

/** `text` is null unless the caller is entitled to it (lib/flows/flow-text.ts decides). */
export function toFlowJson(flow: FlowDetail, text: FlowText | null): FlowJson {
  const json: FlowJson = { ...toCatalogItemJson(flow), steps: flow.stepTitles };
  if (text) json.promptText = text.promptText;
  return json;
}
