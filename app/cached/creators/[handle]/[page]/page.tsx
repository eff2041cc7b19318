import type { Metadata } from "next";
import { CreatorPage, creatorMetadata } from "@/app/creators/[handle]/creator-page";
import { tagPublicPage } from "@/lib/cache/public-pages";
import { parseCatalogParamsLeniently } from "@/lib/flows/catalog-params";

// /creators/{handle}?page=n served from Next's cache: middleware rewrites it here (lib/cache/public-rewrites.ts).
// Rendered on first request, expired by tag on every flow change, counters at most a minute old.
export const revalidate = 60;
export async function generateStaticParams(): Promise<Array<{ handle: string; page: string }>> {
  return [];
}

type Props = { params: Promise<{ handle: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return creatorMetadata((await params).handle);
}

export default async function CachedCreatorPage({ params }: Props) {
  const { handle, page } = await params;
  await tagPublicPage();
  return <CreatorPage handle={handle} page={parseCatalogParamsLeniently({ page }).page} />;
}
