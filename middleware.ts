import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db";
import { gateForPath } from "@/lib/access";
import { hasMalformedPercentEncoding } from "@/lib/api/malformed-path";
import { sessionUserIdFrom } from "@/lib/auth/session-token";
import { catalogueCachePath, catalogueParams, creatorCachePath, isCachedPath } from "@/lib/cache/public-rewrites";
import { peekCopyRate } from "@/lib/copies/rate-limit";
import { getEntitlement } from "@/lib/entitlements";
import { isCreatorHandle } from "@/lib/flows/slug";
import { ACTIVE_TENANT_COOKIE, resolveActiveTenantId } from "@/lib/tenancy/active-tenant";

// Optimistic gate only: every page, layout and handler behind it checks again on the server.
export async function middleware(request: NextRequest) {
  // The raw path, as sent: a malformed percent-encoding is a bad request, never a 500 from the router.
  // (URL's pathname keeps percent-escapes as they came.)
  if (hasMalformedPercentEncoding(new URL(request.url).pathname)) {
    return Response.json(
      { error: { code: "bad_request", message: "The URL path has a malformed percent-encoding." } },
      { status: 400 },
    );
  }
  const { pathname, search } = request.nextUrl;
  const cached = await cachedPublicPage(request);
  if (cached) return cached;
  const gate = gateForPath(pathname);
  if (gate === "public") return NextResponse.next();

  // The session cookie decoded as Auth.js would, without running Auth.js (lib/auth/session-token.ts).
  const userId = sessionUserIdFrom(request.cookies.getAll(), request.headers.get("x-forwarded-proto"));
  if (!userId) {
    const login = new URL("/login", request.url);
    login.searchParams.set("from", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  if (gate === "premium") {
    const db = await getDb();
    // The tenant chosen in the header decides, as on the page behind this gate.
    const tenantId = await resolveActiveTenantId(db, {
      userId,
      requested: request.cookies.get(ACTIVE_TENANT_COOKIE)?.value,
    });
    const entitlement = await getEntitlement(db, { userId, tenantId });
    if (!entitlement.premiumAccess) return NextResponse.redirect(new URL("/pricing", request.url));
    // A reader view over the per-minute limit gets a real 429 here (read only: the page counts the view).
    if (pathname.startsWith("/library/")) {
      const rate = await peekCopyRate(db, { userId });
      if (!rate.allowed) {
        return new NextResponse("Too many flows opened or copied in a minute. Try again shortly.", {
          status: 429,
          headers: { "Retry-After": String(rate.retryAfterSeconds), "Content-Type": "text/plain; charset=utf-8" },
        });
      }
    }
  }
  return NextResponse.next();
}

const CREATOR_PAGE = /^\/creators\/([^/]+)$/;

/**
 * Public pages with a query string are served from the cache through internal /cached routes
 * (lib/cache/public-rewrites.ts); /cached itself is not addressable, so only this function picks a search scope.
 */
async function cachedPublicPage(request: NextRequest): Promise<Response | null> {
  const { pathname, searchParams } = request.nextUrl;
  if (isCachedPath(pathname)) {
    return new NextResponse("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (pathname === "/flows") {
    const params = catalogueParams(searchParams);
    const scope = params.q && (await hasPremiumAccess(request)) ? "full" : "public";
    return NextResponse.rewrite(new URL(catalogueCachePath(params, scope), request.url));
  }
  const creator = CREATOR_PAGE.exec(pathname);
  if (creator && isCreatorHandle(creator[1]))
    return NextResponse.rewrite(new URL(creatorCachePath(creator[1], searchParams), request.url));
  return null;
}

/** Whether the session's user has premium access in the tenant they act in (what the search scope follows). */
async function hasPremiumAccess(request: NextRequest): Promise<boolean> {
  const userId = sessionUserIdFrom(request.cookies.getAll(), request.headers.get("x-forwarded-proto"));
  if (!userId) return false;
  const db = await getDb();
  const tenantId = await resolveActiveTenantId(db, {
    userId,
    requested: request.cookies.get(ACTIVE_TENANT_COOKIE)?.value,
  });
  return (await getEntitlement(db, { userId, tenantId })).premiumAccess;
}

export const config = {
  runtime: "nodejs",
  // Every path but Next's static files: the sign-in gates below apply to /account, /creator, /admin and /library
  // only (lib/access.ts), the malformed-path check to all.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
