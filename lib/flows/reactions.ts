import "server-only";
import { setLike, setSave } from "@/db/queries/flow-reactions";
import { getPublishedFlowRef } from "@/db/queries/flows";
import type { Executor } from "@/db/types";
import { AppError } from "@/lib/errors";
import { isFlowSlug } from "./slug";

async function publishedFlowIdOrThrow(db: Executor, slug: string): Promise<string> {
  const flow = isFlowSlug(slug) ? await getPublishedFlowRef(db, { slug }) : null;
  if (!flow) throw new AppError("not_found", "Flow not found.");
  return flow.id;
}

/** Likes or unlikes a published flow; idempotent. */
export async function likeFlow(db: Executor, params: { userId: string; slug: string; liked: boolean }) {
  const flowId = await publishedFlowIdOrThrow(db, params.slug);
  return setLike(db, { userId: params.userId, flowId, liked: params.liked });
}

/** Saves or unsaves a published flow; idempotent. */
export async function saveFlow(db: Executor, params: { userId: string; slug: string; saved: boolean }) {
  const flowId = await publishedFlowIdOrThrow(db, params.slug);
  return setSave(db, { userId: params.userId, flowId, saved: params.saved });
}
