import type { MetadataRoute } from "next";
import { getDb } from "@/db";
import { listPublishedSlugs } from "@/db/queries/flows";
import { env } from "@/lib/env";
import { stripTrailing } from "@/lib/strip-trailing";

// Read at request time, never at build (next build must not open the database).
export const dynamic = "force-dynamic";

/** Every published flow plus the public pages. Only URLs: no flow text of any kind. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = stripTrailing(env().APP_URL, "/");
  const flows = await listPublishedSlugs(await getDb());
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
