/**
 * Only same-site paths are followed after sign-in ("/library/x?y"), never "//evil.com" or "https://...".
 */
export function safeRedirectPath(value: unknown, fallback = "/flows"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  if (/^\/(login|register|logout)(\/|\?|$)/.test(value)) return fallback;
  return value.slice(0, 500);
}
