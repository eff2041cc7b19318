import "server-only";
import { getFlowPromptForEntitledUser, type FlowText } from "@/db/queries/flows";
import type { Executor } from "@/db/types";

/**
 * A free flow's text (public: the flow page and the JSON API show it to everyone), or null for a premium flow.
 * Premium text reaches a browser only through the protected reader and the copy endpoint (PRODUCT.md, copy rule 1).
 */
export async function getFreeFlowText(
  db: Executor,
  params: { flow: { slug: string; isPremium: boolean } },
): Promise<FlowText | null> {
  if (params.flow.isPremium) return null;
  return getFlowPromptForEntitledUser(db, { slug: params.flow.slug });
}
