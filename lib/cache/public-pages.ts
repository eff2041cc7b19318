import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";

/**
 * Public pages (flow pages, the catalogue, creator pages, the sitemap) are rendered once for every visitor and
 * served from Next's cache: they read no cookie, header or viewer. Each carries this tag, and every change to what
 * they show (publish, edit, unpublish, an admin unpublishing a reported flow) expires them at once; counters
 * (likes, copies) are at most PUBLIC_PAGE_SECONDS stale (the pages' `revalidate`, which must be a literal there).
 */
export const PUBLIC_PAGES_TAG = "public-flows";
const PUBLIC_PAGE_SECONDS = 60;

const tagMarker = unstable_cache(async () => true, ["public-pages-tag"], {
  tags: [PUBLIC_PAGES_TAG],
  revalidate: PUBLIC_PAGE_SECONDS,
});

/** Call in a cached public page: gives the page's cache entry the tag, so invalidatePublicPages() expires it. */
export async function tagPublicPage(): Promise<void> {
  await tagMarker();
}

/**
 * Expires every cached public page: the next request renders afresh (no stale copy is served, so an unpublished
 * flow is gone at once). Outside a Next server (CLIs, tests) there is no page cache and nothing to do.
 */
function invalidatePublicPages(): void {
  try {
    revalidateTag(PUBLIC_PAGES_TAG, { expire: 0 });
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("Invariant: static generation store missing")) return;
    throw error;
  }
}

/** Awaits a write that changes what public pages show (it has committed when this resolves), then expires them. */
export async function expiringPublicPages<T>(write: Promise<T>): Promise<T> {
  const result = await write;
  invalidatePublicPages();
  return result;
}
