import "server-only";
import { cache } from "react";
import { getDb } from "@/db";
import { getCreatorByHandle } from "@/db/queries/flows";
import { isCreatorHandle } from "@/lib/flows/slug";

/** One read per request for generateMetadata and the page. */
export const loadCreator = cache(async (handle: string) => {
  if (!isCreatorHandle(handle)) return null;
  return getCreatorByHandle(await getDb(), { handle });
});
