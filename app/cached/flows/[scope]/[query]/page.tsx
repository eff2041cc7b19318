import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CataloguePage, catalogueMetadata } from "@/app/flows/(catalogue)/catalogue-page";
import { tagPublicPage } from "@/lib/cache/public-pages";
import { decodeCatalogueQuery, parseScope } from "@/lib/cache/public-rewrites";

// /flows served from Next's cache: middleware rewrites /flows?<query> here (lib/cache/public-rewrites.ts) with the
// search scope it decided from the session (premium text is matched only for entitled viewers; results show only
// public fields either way). One entry per canonical query and scope, rendered on first request, expired by tag.
export const revalidate = 60;
export async function generateStaticParams(): Promise<Array<{ scope: string; query: string }>> {
  return [];
}

type Props = { params: Promise<{ scope: string; query: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return catalogueMetadata(decodeCatalogueQuery((await params).query));
}

export default async function CachedCataloguePage({ params }: Props) {
  const { scope, query } = await params;
  const searchScope = parseScope(scope);
  if (!searchScope) notFound();
  await tagPublicPage();
  return <CataloguePage params={decodeCatalogueQuery(query)} searchScope={searchScope} />;
}
