import "server-only";
import type { GetPromptResult, ListPromptsResult, Prompt } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { isPublishedFlowSaved, listSavedFlowsForPrompts } from "@/db/queries/library";
import { getEntitlement } from "@/lib/entitlements";
import { AppError } from "@/lib/errors";
import { requireScope, type McpContext } from "./context";
import { toPromptError } from "./errors";
import { fetchFlowForAgent } from "./fetch-flow";
import { extractFlowInputs, fillFlowInputs } from "./placeholders";

// The caller's saved flows as MCP prompts: name = the flow's slug, arguments = its {{inputs}}. Listing needs
// flows:read; getting one is a copy (flows:copy) and returns the text with the arguments filled in.

const PAGE_SIZE = 50;
const cursorSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,3}$/, "Invalid cursor.")
  .transform(Number);
const argumentsSchema = z.record(z.string(), z.string().max(4_000, "Keep each argument under 4,000 characters."));

export async function listFlowPrompts(context: McpContext, cursor: string | undefined): Promise<ListPromptsResult> {
  try {
    requireScope(context, "flows:read");
    const page = cursor === undefined ? 1 : cursorSchema.parse(cursor);
    const { premiumAccess } = await getEntitlement(context.db, { userId: context.userId });
    const { items, hasMore } = await listSavedFlowsForPrompts(context.db, {
      userId: context.userId,
      premiumAccess,
      page,
      pageSize: PAGE_SIZE,
    });
    const prompts = items.map((flow): Prompt => {
      // A premium flow the caller may not read shows no arguments: its inputs are part of the premium text.
      if (flow.promptText === null) {
        return {
          name: flow.slug,
          title: flow.title,
          description: `${flow.summary} (Premium flow: a subscription is required to load it.)`,
        };
      }
      return {
        name: flow.slug,
        title: flow.title,
        description: flow.summary,
        arguments: extractFlowInputs(flow.promptText).map((input) => ({
          name: input.name,
          description: input.description,
          required: false,
        })),
      };
    });
    return { prompts, ...(hasMore ? { nextCursor: String(page + 1) } : {}) };
  } catch (error) {
    throw toPromptError(error, context.appUrl);
  }
}

export async function getFlowPrompt(context: McpContext, name: string, args: unknown): Promise<GetPromptResult> {
  try {
    requireScope(context, "flows:copy");
    const values = argumentsSchema.parse(args ?? {});
    if (!(await isPublishedFlowSaved(context.db, { userId: context.userId, slug: name }))) {
      throw new AppError("not_found", "No saved flow has this name: save the flow on Flowtab to use it as a prompt.");
    }
    // Arguments the flow has no input for change nothing: the text is filled by name, one pass.
    const fetched = await fetchFlowForAgent(context, name);
    return {
      description: fetched.flow.title,
      messages: [{ role: "user", content: { type: "text", text: fillFlowInputs(fetched.promptText, values) } }],
      _meta: { flow: fetched.flow, copy: fetched.copy },
    };
  } catch (error) {
    throw toPromptError(error, context.appUrl);
  }
}
