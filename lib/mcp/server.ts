import "server-only";
// The low-level Server, not McpServer: the prompt list is each caller's saved flows, read when asked, and every
// handler maps our typed errors itself.
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListToolsRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import type { McpContext } from "./context";
import { getFlowPrompt, listFlowPrompts } from "./prompts";
import { callTool, listTools } from "./tools";

const INSTRUCTIONS = [
  "Flowtab is a marketplace of flows: tested, step-by-step instructions that tell an AI browser agent how to do",
  "one task on one kind of website. Use search_flows to find a flow for the site and task at hand (public fields",
  "only), then get_flow to load its instructions and follow them. Loading a premium flow counts as a copy: the",
  "first load of a flow in a billing period pays its creator, later loads of the same flow that period are free.",
  "my_library lists the user's saved flows and this period's copies; account shows the plan and usage. The",
  "user's saved flows are also available as prompts whose arguments are the flow's inputs.",
].join(" ");

/** One MCP server for one HTTP request, bound to the caller (stateless: nothing is kept between requests). */
export function createMcpServer(context: McpContext): Server {
  const server = new Server(
    { name: "flowtab", title: "Flowtab", version: "1.0.0", websiteUrl: context.appUrl },
    { capabilities: { tools: { listChanged: false }, prompts: { listChanged: false } }, instructions: INSTRUCTIONS },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: listTools() }));
  server.setRequestHandler(CallToolRequestSchema, (request) =>
    callTool(context, request.params.name, request.params.arguments),
  );
  server.setRequestHandler(ListPromptsRequestSchema, (request) => listFlowPrompts(context, request.params?.cursor));
  server.setRequestHandler(GetPromptRequestSchema, (request) =>
    getFlowPrompt(context, request.params.name, request.params.arguments),
  );
  return server;
}
