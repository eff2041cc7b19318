import "server-only";
import { ErrorCode, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { toErrorBody } from "@/lib/errors";

// Errors reach an agent in two ways: a tool call answers a tool result with `isError: true` (the agent reads it
// and can act on it), a prompt request answers a JSON-RPC error. Both carry the JSON API's error body (code,
// message, field), so a client sees the same refusal over MCP as over REST.

/** The JSON API's error body for `error`, with links made absolute and Retry-After as a field. */
function toAgentErrorBody(error: unknown, appUrl: string) {
  const { body, headers } = toErrorBody(error);
  const details: Record<string, unknown> = { ...body.error };
  if (typeof details.checkoutUrl === "string") details.checkoutUrl = new URL(details.checkoutUrl, appUrl).href;
  if (body.error.code === "premium_required") details.pricingUrl = new URL("/pricing", appUrl).href;
  if (headers["Retry-After"]) details.retryAfterSeconds = Number(headers["Retry-After"]);
  return { error: details as typeof body.error };
}

export function toToolError(error: unknown, appUrl: string): CallToolResult {
  const body = toAgentErrorBody(error, appUrl);
  return { isError: true, content: [{ type: "text", text: JSON.stringify(body) }], structuredContent: body };
}

/**
 * A JSON-RPC error the SDK sends as `{ code, message, data }`. Not the SDK's McpError, whose message is prefixed
 * with "MCP error <code>:" on the wire; this one carries the JSON API's message as it is.
 */
export class JsonRpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data: unknown,
  ) {
    super(message);
    this.name = "JsonRpcError";
  }
}

/** Bad input and unknown names are the protocol's "invalid params"; every other refusal is an invalid request. */
export function toPromptError(error: unknown, appUrl: string): JsonRpcError {
  const body = toAgentErrorBody(error, appUrl);
  const code = ["validation_failed", "bad_request", "not_found"].includes(body.error.code)
    ? ErrorCode.InvalidParams
    : body.error.code === "internal"
      ? ErrorCode.InternalError
      : ErrorCode.InvalidRequest;
  return new JsonRpcError(code, body.error.message, body);
}
