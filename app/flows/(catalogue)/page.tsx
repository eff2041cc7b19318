import type { Metadata } from "next";
import type { SearchParamsRecord } from "@/components/ui/pagination";
import { getCaller, searchScopeFor } from "@/lib/flows/caller";
import { parseCatalogParamsLeniently } from "@/lib/flows/catalog-params";
import { CataloguePage, catalogueMetadata } from "./catalogue-page";

// Middleware serves /flows from the cache (app/cached/flows); this uncached route only answers when it does not.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<SearchParamsRecord> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return catalogueMetadata(parseCatalogParamsLeniently(await searchParams));
}

export default async function FlowsPage({ searchParams }: Props) {
  const params = parseCatalogParamsLeniently(await searchParams);
  const caller = params.q ? await getCaller() : null;
  return <CataloguePage params={params} searchScope={searchScopeFor(caller)} />;
}
