import type { MetadataRoute } from "next";
import { unstable_cache } from "next/cache";
import { getDb } from "@/db";
import { listPublishedSlugs } from "@/db/queries/flows";
import { PUBLIC_PAGES_TAG } from "@/lib/cache/public-pages";
import { env } from "@/lib/env";
import { stripTrailing } from "@/lib/strip-trailing";

// Read at request time, never at build (next build must not open the database); the list of flows comes from
// Next's data cache, expired with the public pages (lib/cache/public-pages.ts) and at most a minute old.
export const dynamic = "force-dynamic";

const publishedSlugs = unstable_cache(
  async () =>
    (await listPublishedSlugs(await getDb())).map((f) => ({ slug: f.slug, updatedAt: f.updatedAt.toISOString() })),
  ["sitemap-slugs"],
  { tags: [PUBLIC_PAGES_TAG], revalidate: 60 },
);

/** Every published flow plus the public pages. Only URLs: no flow text of any kind. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = stripTrailing(env().APP_URL, "/");
  const flows = (await publishedSlugs()).map((f) => ({ slug: f.slug, updatedAt: new Date(f.updatedAt) }));
  const latest = flows.reduce<Date | undefined>((max, f) => (!max || f.updatedAt > max ? f.updatedAt : max), undefined);
  return [
    { url: `${origin}/`, changeFrequency: "weekly", priority: 1 },
    { url: `${origin}/flows`, lastModified: latest, changeFrequency: "daily", priority: 0.9 },
    { url: `${origin}/pricing`, changeFrequency: "monthly", priority: 0.7 },
    ...flows.map((flow) => ({
      url: `${origin}/flows/${flow.slug}`,
      lastModified: flow.updatedAt,
      changeFrequency: "weekly" as const,
      priority: 0.8,
    })),
  ];
}
