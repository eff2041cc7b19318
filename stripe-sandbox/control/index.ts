import type { IncomingMessage, ServerResponse } from "node:http";
import { runDueTasks } from "../billing/lifecycle";
import { StripeError } from "../core/errors";
import type { Sandbox } from "../core/sandbox";
import { sendJson } from "../http/respond";
import { matchRoute } from "../http/router";
import { ControlError, controlRoutes } from "./routes";

/** `/_sandbox/*`: JSON in and out; errors as `{ error: { message } }`. */
export async function handleControl(
  sb: Sandbox,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: string,
): Promise<void> {
  try {
    const match = matchRoute(controlRoutes, req.method ?? "GET", url.pathname);
    if (!match)
      throw new ControlError(404, `No sandbox control ${req.method} ${url.pathname}; see stripe-sandbox/README.md.`);
    runDueTasks(sb);
    sendJson(res, 200, await match.handler({ sb, path: match.params, body: parseJson(body) }));
  } catch (error) {
    if (error instanceof ControlError || error instanceof StripeError) {
      sendJson(res, error.status, { error: { message: error.message } });
      return;
    }
    throw error;
  }
}

function parseJson(body: string): unknown {
  if (body.trim() === "") return {};
  try {
    return JSON.parse(body);
  } catch {
    throw new ControlError(400, "The body must be JSON.");
  }
}
