import "server-only";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import type { ApiScope } from "@/db/schema";
import type { Executor } from "@/db/types";
import { readJsonBody } from "@/lib/api/body";
import { getActor } from "@/lib/auth/actor";
import { AppError, toErrorBody } from "@/lib/errors";
import { createMcpServer } from "./server";

const MAX_BODY_BYTES = 64 * 1024;

/**
 * /api/mcp: MCP over Streamable HTTP, stateless. Every POST carries one JSON-RPC message and gets its answer as
 * JSON; there is no session and no server-to-client stream, so GET and DELETE are 405 (the
 * specification allows both). Each POST is authenticated with an API token and counts once against its daily
 * quota, like any API request.
 */
export async function handleMcpRequest(db: Executor, request: Request, options: { appUrl: string }): Promise<Response> {
  if (request.method !== "POST") {
    return Response.json(
      { error: { code: "bad_request", message: "This MCP server answers POST only (Streamable HTTP, no sessions)." } },
      { status: 405, headers: { Allow: "POST" } },
    );
  }
  let caller: { userId: string; scopes: readonly ApiScope[] };
  let message: Record<string, unknown>;
  try {
    caller = await authenticate(db, request);
    // One JSON-RPC message per POST: a batch (gone from the protocol since 2025-06-18) would let one request,
    // counted once against the daily quota, carry a hundred calls. readJsonBody refuses arrays and huge bodies.
    message = await readJsonBody(request, MAX_BODY_BYTES);
  } catch (error) {
    return httpError(error, request.headers.has("authorization"));
  }
  const server = createMcpServer({ db, userId: caller.userId, scopes: caller.scopes, appUrl: options.appUrl });
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  try {
    await server.connect(transport);
    const response = await transport.handleRequest(request, { parsedBody: message });
    // Answers depend on the token: never let a shared cache keep one.
    const headers = new Headers(response.headers);
    headers.set("Cache-Control", "private, no-store");
    return new Response(response.body, { status: response.status, headers });
  } finally {
    await server.close();
  }
}

/** Agents authenticate with an API token only: a session cookie is not enough (no cross-site requests). */
async function authenticate(db: Executor, request: Request) {
  if (!request.headers.has("authorization")) {
    throw new AppError(
      "unauthorized",
      "Send an API token: Authorization: Bearer <token> (create one at /account/tokens).",
    );
  }
  const actor = await getActor(db, request);
  if (actor?.kind !== "token") throw new AppError("unauthorized", "Invalid API token.");
  return { userId: actor.userId, scopes: actor.scopes };
}

/** The JSON API's error body and status; a 401 says how to authenticate (RFC 6750). */
function httpError(error: unknown, sentToken: boolean): Response {
  const { status, body, headers } = toErrorBody(error);
  const all = new Headers(headers);
  if (status === 401) {
    all.set("WWW-Authenticate", sentToken ? 'Bearer realm="flowtab", error="invalid_token"' : 'Bearer realm="flowtab"');
  }
  return Response.json(body, { status, headers: all });
}
