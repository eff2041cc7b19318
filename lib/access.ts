/**
 * Which signed-in requirement a path has. Used by middleware.ts (the optimistic gate); pages, layouts and
 * handlers check again on the server.
 */
export type PathGate = "public" | "signed-in" | "premium";

const SIGNED_IN_PREFIXES = ["/account", "/creator", "/admin"];

export function gateForPath(pathname: string): PathGate {
  if (pathname === "/library" || pathname.startsWith("/library/")) return "premium";
  if (SIGNED_IN_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return "signed-in";
  return "public";
}
