import type { Metadata } from "next";
import type { SearchParamsRecord } from "@/components/ui/pagination";
import { parseCatalogParamsLeniently } from "@/lib/flows/catalog-params";
import { CreatorPage, creatorMetadata } from "./creator-page";

// Middleware serves this page from the cache (app/cached/creators); this uncached route only answers when it does not.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ handle: string }>; searchParams: Promise<SearchParamsRecord> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return creatorMetadata((await params).handle);
}

export default async function Page({ params, searchParams }: Props) {
  // Only the page number matters here; it falls back to 1 like the catalogue's.
  const { page } = parseCatalogParamsLeniently(await searchParams);
  return <CreatorPage handle={(await params).handle} page={page} />;
}
