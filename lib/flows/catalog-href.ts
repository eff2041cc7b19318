import type { CatalogParams } from "./catalog-params";

// No zod here: client components (the filter form) build catalogue URLs with this module.

export const CATALOG_SORTS = ["popular", "new", "liked"] as const;
export const CATALOG_ACCESS = ["free", "premium"] as const;
export const DEFAULT_SORT = "popular";
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
export const MAX_PAGE = 10_000;

/** How each sort is named in the UI: "popular" orders by copies in the last 30 days (flows.recent_copy_count). */
export const SORT_LABELS: Record<(typeof CATALOG_SORTS)[number], string> = {
  popular: "Popular (30 days)",
  new: "Newest",
  liked: "Most liked",
};

/** The end of "Showing 1–20 of 240 flows, …". */
export const SORT_DESCRIPTIONS: Record<(typeof CATALOG_SORTS)[number], string> = {
  popular: "most copied in the last 30 days first",
  new: "newest first",
  liked: "most liked first",
};

/**
 * The canonical /flows URL for these params: defaults left out, keys in a fixed order, so equal states share
 * one URL (pagination, filter chips and the search form all build links with it).
 */
export function catalogHref(params: Partial<CatalogParams>, basePath = "/flows"): string {
  const query = new URLSearchParams();
  if (params.q) query.set("q", params.q);
  if (params.agent) query.set("agent", params.agent);
  if (params.site) query.set("site", params.site);
  if (params.tag) query.set("tag", params.tag);
  if (params.access) query.set("access", params.access);
  if (params.sort && params.sort !== DEFAULT_SORT) query.set("sort", params.sort);
  if (params.page && params.page > 1) query.set("page", String(params.page));
  if (params.pageSize && params.pageSize !== DEFAULT_PAGE_SIZE) query.set("pageSize", String(params.pageSize));
  const qs = query.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

/** The same state as a query record without the page (for <Pagination>, which adds its own page param). */
export function catalogQueryRecord(params: Partial<CatalogParams>): Record<string, string> {
  const href = catalogHref({ ...params, page: 1 });
  const query = href.includes("?") ? href.slice(href.indexOf("?") + 1) : "";
  return Object.fromEntries(new URLSearchParams(query));
}
