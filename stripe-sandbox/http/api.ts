import type { IncomingMessage, ServerResponse } from "node:http";
import { runDueTasks } from "../billing/lifecycle";
import { StripeError, invalidRequest } from "../core/errors";
import { newId } from "../core/ids";
import { API_VERSION, type Sandbox } from "../core/sandbox";
import { apiRoutes } from "../resources";
import { expandResponse } from "./expand";
import { parseForm, type FormObject } from "./form";
import { fingerprintOf, saveResponse, savedResponse } from "./idempotency";
import { expandPaths, parseParams } from "./params";
import { sendJson } from "./respond";
import { matchRoute } from "./router";

/** `/v1/*`: authenticate, decode, replay or run the endpoint in a transaction, expand, answer like Stripe. */
export function handleApi(sb: Sandbox, req: IncomingMessage, res: ServerResponse, url: URL, body: string): void {
  const requestId = newId("req");
  const headers = { "Request-Id": requestId, "Stripe-Version": API_VERSION };
  const method = req.method ?? "GET";
  const idempotencyKey = method === "POST" ? headerValue(req, "idempotency-key") : undefined;
  let fingerprint = "";
  try {
    authenticate(req.headers.authorization);
    const match = matchRoute(apiRoutes, method, url.pathname);
    if (!match) throw unrecognizedUrl(method, url.pathname);
    const raw = method === "POST" ? decodeBody(req, body) : parseForm(url.search.slice(1));
    const { expand, ...params } = raw;
    const paths = parseParams(expandPaths, expand) ?? [];

    if (idempotencyKey) {
      fingerprint = fingerprintOf(method, url.pathname, raw);
      const saved = savedResponse(sb.store, idempotencyKey, fingerprint);
      if (saved) return sendJson(res, saved.status, saved.body, { ...headers, "Idempotent-Replayed": "true" });
    }

    runDueTasks(sb);
    const result = sb.transaction({ id: requestId, idempotency_key: idempotencyKey ?? null }, () => {
      const response = match.handler({ sb, params, path: match.params });
      return expandResponse(response as Record<string, unknown>, paths, (id) => sb.resolve(id));
    });
    if (idempotencyKey) saveResponse(sb.store, idempotencyKey, fingerprint, 200, result);
    sendJson(res, 200, result, headers);
  } catch (error) {
    const failure = error instanceof StripeError ? error : internalError(error, method, url.pathname);
    if (idempotencyKey && failure.keepEffects) {
      saveResponse(sb.store, idempotencyKey, fingerprint, failure.status, failure.toJSON());
    }
    sendJson(res, failure.status, failure.toJSON(), headers);
  }
}

function authenticate(authorization: string | undefined): void {
  const key = apiKeyOf(authorization);
  if (!key) {
    throw new StripeError(
      401,
      "invalid_request_error",
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  if (!/^sk_test_\S+$/.test(key)) {
    throw new StripeError(
      401,
      "invalid_request_error",
      `Invalid API Key provided: ${key.slice(0, 8)}*** (use an sk_test_ key)`,
      {
        code: "api_key_invalid",
      },
    );
  }
}

/** Bearer, or Basic with the key as user name (`curl -u sk_test_...:`), as Stripe accepts. */
function apiKeyOf(authorization: string | undefined): string | undefined {
  const [scheme, credentials] = (authorization ?? "").split(" ");
  if (!credentials) return undefined;
  if (scheme.toLowerCase() === "bearer") return credentials;
  if (scheme.toLowerCase() === "basic") return Buffer.from(credentials, "base64").toString("utf8").split(":")[0];
  return undefined;
}

function decodeBody(req: IncomingMessage, body: string): FormObject {
  const contentType = req.headers["content-type"] ?? "application/x-www-form-urlencoded";
  if (body !== "" && !contentType.startsWith("application/x-www-form-urlencoded")) {
    throw invalidRequest(
      `Invalid request: unsupported Content-Type ${contentType}. The v1 API takes application/x-www-form-urlencoded bodies.`,
    );
  }
  return parseForm(body);
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function unrecognizedUrl(method: string, path: string): StripeError {
  return new StripeError(
    404,
    "invalid_request_error",
    `Unrecognized request URL (${method}: ${path}). The Flowtab Stripe sandbox serves only the endpoints listed in stripe-sandbox/README.md.`,
  );
}

function internalError(error: unknown, method: string, path: string): StripeError {
  console.error(`stripe-sandbox: ${method} ${path} failed:`, error);
  return new StripeError(500, "api_error", "An unexpected error occurred in the Stripe sandbox; see its log.");
}
