import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery guard for cookie-authenticated writes (issue 11, case 10), the rule Go's
 * net/http.CrossOriginProtection uses:
 *   - safe methods (GET, HEAD, OPTIONS) pass;
 *   - with `Sec-Fetch-Site` (every current browser sends it), only `same-origin` and `none` (typed by the user) pass;
 *   - otherwise with `Origin`, it must be the app's origin (APP_URL, or the origin the request was addressed to);
 *   - with neither header the request did not come from a browser page (curl, a script), so no site can have
 *     forged it; it passes. Browsers always send at least one of them on a cross-site POST, PUT or DELETE.
 * Token requests never reach this check: a Bearer token is not sent by the browser on its own.
 */
export function isSameOriginWrite(request: Request): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin" || site === "none";
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  return allowedOrigins(request).has(origin);
}

/** Throws 403 for a cross-site write (see isSameOriginWrite). */
export function assertSameOriginWrite(request: Request): void {
  if (!isSameOriginWrite(request)) {
    throw new AppError("forbidden", "Cross-site request refused: send it from Flowtab itself, or use an API token.");
  }
}

function allowedOrigins(request: Request): Set<string> {
  const origins = new Set<string>();
  try {
    origins.add(new URL(env().APP_URL).origin);
  } catch {}
  try {
    origins.add(new URL(request.url).origin);
  } catch {}
  return origins;
}
