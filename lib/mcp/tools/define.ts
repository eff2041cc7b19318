import "server-only";
import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import type { ApiScope } from "@/db/schema";
import type { McpContext } from "../context";

/** One MCP tool: its input schema (zod, also published as JSON Schema), the scope it needs, and what it does. */
export type McpTool<Input extends z.ZodObject = z.ZodObject> = {
  name: string;
  title: string;
  description: string;
  scope: ApiScope;
  input: Input;
  annotations: ToolAnnotations;
  run: (context: McpContext, input: z.output<Input>) => Promise<Record<string, unknown>>;
};

/** Keeps `run`'s input typed by the schema. */
export function defineTool<Input extends z.ZodObject>(tool: McpTool<Input>): McpTool<Input> {
  return tool;
}
