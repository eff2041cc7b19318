import "server-only";
import { getFlowPromptForEntitledUser, type FlowText } from "@/db/queries/flows";
import type { Executor } from "@/db/types";
import type { Caller } from "./caller";

/** Free flows' text is public; premium text only for a caller with premium access. */
function canReadFlowText(flow: { isPremium: boolean }, caller: Caller): boolean {
  return !flow.isPremium || caller.premiumAccess;
}

/** The prompt text and full steps when this caller may read them, otherwise null (never loaded). */
export async function getFlowTextForCaller(
  db: Executor,
  params: { flow: { slug: string; isPremium: boolean }; caller: Caller },
): Promise<FlowText | null> {
  if (!canReadFlowText(params.flow, params.caller)) return null;
  return getFlowPromptForEntitledUser(db, { slug: params.flow.slug });
}

/** For the public flow page, which shows free flows in full and premium ones as a teaser to everyone. */
export async function getFreeFlowText(
  db: Executor,
  params: { flow: { slug: string; isPremium: boolean } },
): Promise<FlowText | null> {
  if (params.flow.isPremium) return null;
  return getFlowPromptForEntitledUser(db, { slug: params.flow.slug });
}
