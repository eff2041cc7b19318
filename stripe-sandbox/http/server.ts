import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { handleControl } from "../control";
import { StripeError } from "../core/errors";
import type { Sandbox } from "../core/sandbox";
import { handlePage } from "../pages";
import { handleApi } from "./api";
import { sendJson } from "./respond";

const MAX_BODY_BYTES = 1_000_000;

/** Routes a request to the Stripe API (/v1), the test controls (/_sandbox) or the hosted pages. */
export function requestListener(sb: Sandbox): RequestListener {
  return (req, res) => {
    dispatch(sb, req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof StripeError) return sendJson(res, error.status, error.toJSON());
      console.error(`stripe-sandbox: ${req.method} ${req.url} failed:`, error);
      sendJson(res, 500, { error: { type: "api_error", message: "The Stripe sandbox failed; see its log." } });
    });
  };
}

async function dispatch(sb: Sandbox, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", sb.config.baseUrl);
  const body = await readBody(req);
  if (url.pathname.startsWith("/v1/")) return handleApi(sb, req, res, url, body);
  if (url.pathname.startsWith("/_sandbox/")) return handleControl(sb, req, res, url, body);
  return handlePage(sb, req, res, url, body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new StripeError(413, "invalid_request_error", "Request body too large.");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
