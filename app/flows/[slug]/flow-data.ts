import "server-only";
import { cache } from "react";
import { getDb } from "@/db";
import { getFlowBySlug } from "@/db/queries/flows";
import { isFlowSlug } from "@/lib/flows/slug";

/** One read per request for generateMetadata and the page (React's per-request cache). Public fields only. */
export const loadPublicFlow = cache(async (slug: string) => {
  if (!isFlowSlug(slug)) return null;
  return getFlowBySlug(await getDb(), { slug });
});
