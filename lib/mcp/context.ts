import "server-only";
import type { ApiScope } from "@/db/schema";
import type { Executor } from "@/db/types";
import { AppError } from "@/lib/errors";

/** Who is calling the MCP server, for one HTTP request: an API token's user and scopes. */
export type McpContext = {
  db: Executor;
  userId: string;
  scopes: readonly ApiScope[];
  /** The app's public origin, for absolute links (pricing, flow pages) an agent can hand to its user. */
  appUrl: string;
};

/** The same refusal, code and message as the JSON API's for a token that lacks a scope. */
export function requireScope(context: McpContext, scope: ApiScope): void {
  if (!context.scopes.includes(scope)) {
    throw new AppError("forbidden", `This API token lacks the ${scope} scope.`);
  }
}
