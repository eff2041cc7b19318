import { env } from "@/lib/env";

const MAX_REDIRECT_LENGTH = 500;
// C0 and C1 control characters (browsers silently drop tabs and newlines from URLs) and backslashes (browsers read
// them as slashes): "/\t/evil.com" and "/\\evil.com" both become "//evil.com" in a browser.
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\\]/;
const AUTH_PAGES = /^\/(login|register|logout)(\/|$)/;

/**
 * Only same-origin paths are followed after sign-in ("/library/x?y"), never "//evil.com", "https://..." or anything
 * a browser could read as another origin. The value is resolved against the app's origin and must stay on it; the
 * normalised path is returned (so "/a/..//evil.com" cannot become "//evil.com" later).
 */
export function safeRedirectPath(value: unknown, fallback = "/flows", appOrigin = env().APP_URL): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > MAX_REDIRECT_LENGTH) return fallback;
  if (UNSAFE_CHARS.test(value)) return fallback;
  let origin: string;
  let url: URL;
  try {
    origin = new URL(appOrigin).origin;
    url = new URL(value, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A normalised path that starts with "//" (from "/.//x" or "/a/..//x") is protocol-relative in a Location header.
  if (path.startsWith("//") || AUTH_PAGES.test(url.pathname)) return fallback;
  return path;
}
