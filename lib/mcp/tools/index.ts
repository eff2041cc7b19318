import "server-only";
import { ErrorCode, type CallToolResult, type Tool } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { McpContext } from "../context";
import { requireScope } from "../context";
import { JsonRpcError, toToolError } from "../errors";
import { accountTool } from "./account";
import type { McpTool } from "./define";
import { getFlowTool } from "./get-flow";
import { myLibraryTool } from "./my-library";
import { searchFlowsTool } from "./search-flows";

const TOOLS: readonly McpTool[] = [searchFlowsTool, getFlowTool, myLibraryTool, accountTool] as McpTool[];

/** What /docs/mcp lists: each tool's name, purpose and scope, from the definitions the server uses. */
export const TOOL_SUMMARIES = TOOLS.map(({ name, title, description, scope }) => ({ name, title, description, scope }));

/** tools/list: every tool, whatever the token's scopes (a call without the scope explains what is missing). */
export function listTools(): Tool[] {
  return TOOLS.map((tool) => {
    const { $schema: _schema, ...schema } = z.toJSONSchema(tool.input, { io: "input" }) as Record<string, unknown>;
    return {
      name: tool.name,
      title: tool.title,
      description: `${tool.description} Needs an API token with the ${tool.scope} scope.`,
      inputSchema: { ...schema, type: "object" } as Tool["inputSchema"],
      annotations: tool.annotations,
    };
  });
}

/**
 * tools/call: scope, then input, then the tool; every refusal is a tool error with the JSON API's code. An unknown
 * tool name is the protocol's "invalid params", as the MCP specification asks.
 */
export async function callTool(context: McpContext, name: string, args: unknown): Promise<CallToolResult> {
  const tool = TOOLS.find((t) => t.name === name);
  if (!tool) throw new JsonRpcError(ErrorCode.InvalidParams, `Unknown tool: ${name}`, undefined);
  try {
    requireScope(context, tool.scope);
    const result = await tool.run(context, tool.input.parse(args ?? {}));
    return { content: [{ type: "text", text: JSON.stringify(result) }], structuredContent: result };
  } catch (error) {
    return toToolError(error, context.appUrl);
  }
}
