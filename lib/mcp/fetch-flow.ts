import "server-only";
import { getFlowBySlug, getFlowPromptForEntitledUser } from "@/db/queries/flows";
import { recordCopy, type CopyResult } from "@/lib/copies/record-copy";
import { AppError } from "@/lib/errors";
import { toFlowJson, type FlowJson } from "@/lib/flows/public-json";
import { isFlowSlug } from "@/lib/flows/slug";
import type { McpContext } from "./context";

export type AgentFlow = {
  flow: Omit<FlowJson, "promptText"> & { url: string };
  promptText: string;
  /** The Copy button's copy object for a premium flow; null for a free flow, whose text is public. */
  copy: CopyResult["copy"] | null;
};

/**
 * An agent loads a flow (the get_flow tool and prompts/get). A free flow's text is public, as on its page and in
 * GET /api/v1/flows/{slug}. A premium flow is a copy: recordCopy with source "mcp" applies the distinct-copy rule,
 * the paid cap, the trial's limit, the per-minute limit and the creator's credit exactly as the Copy button does.
 */
export async function fetchFlowForAgent(context: McpContext, slug: string): Promise<AgentFlow> {
  const { db } = context;
  const flow = isFlowSlug(slug) ? await getFlowBySlug(db, { slug }) : null;
  if (!flow) throw new AppError("not_found", "Flow not found.");
  // The public fields and step titles of GET /api/v1/flows/{slug}; the text travels beside them.
  const meta = { ...toFlowJson(flow, null), url: new URL(`/flows/${flow.slug}`, context.appUrl).href };
  if (!flow.isPremium) {
    const text = await getFlowPromptForEntitledUser(db, { slug: flow.slug });
    if (!text) throw new AppError("not_found", "Flow not found.");
    return { flow: meta, promptText: text.promptText, copy: null };
  }
  const copied = await recordCopy(db, { userId: context.userId, slug: flow.slug, source: "mcp" });
  return { flow: meta, promptText: copied.promptText, copy: copied.copy };
}
