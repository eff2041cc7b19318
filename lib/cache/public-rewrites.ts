import type { SearchScope } from "@/db/queries/flows";
import { catalogHref } from "@/lib/flows/catalog-href";
import { parseCatalogParamsLeniently, type CatalogParams } from "@/lib/flows/catalog-params";

// Pages whose URL carries a query string cannot be served from Next's cache as they are (reading searchParams makes
// a page render per request). Middleware rewrites them to internal routes under /cached whose path holds the
// canonical query (and, for a search, its scope), which Next caches like any other page (lib/cache/public-pages.ts).
// Requests for /cached itself are refused: only middleware may choose a scope.

const CACHED_PREFIX = "/cached";

export function isCachedPath(pathname: string): boolean {
  return pathname === CACHED_PREFIX || pathname.startsWith(`${CACHED_PREFIX}/`);
}

/** The catalogue's canonical query string, as one path segment ("-" for none). */
function encodeQuery(params: CatalogParams): string {
  const href = catalogHref(params, "");
  return href ? Buffer.from(href.slice(1), "utf8").toString("base64url") : "-";
}

export function decodeCatalogueQuery(segment: string): CatalogParams {
  const query = segment === "-" ? "" : Buffer.from(segment, "base64url").toString("utf8");
  return parseCatalogParamsLeniently(new URLSearchParams(query));
}

/** The parsed catalogue query of a /flows request: only a search (`q`) depends on who asks. */
export function catalogueParams(search: URLSearchParams): CatalogParams {
  return parseCatalogParamsLeniently(search);
}

export function catalogueCachePath(params: CatalogParams, scope: SearchScope): string {
  return `${CACHED_PREFIX}/flows/${params.q ? scope : "public"}/${encodeQuery(params)}`;
}

/** /creators/{handle}?page=n, by page number (every other query parameter is ignored, as the page does). */
export function creatorCachePath(handle: string, search: URLSearchParams): string {
  return `${CACHED_PREFIX}/creators/${handle}/${parseCatalogParamsLeniently(search).page}`;
}

export function parseScope(segment: string): SearchScope | null {
  return segment === "public" || segment === "full" ? segment : null;
}
