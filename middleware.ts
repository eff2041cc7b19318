import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db";
import { gateForPath } from "@/lib/access";
import { sessionUserIdFrom } from "@/lib/auth/session-token";
import { getEntitlement } from "@/lib/entitlements";

// Optimistic gate only: every page, layout and handler behind it checks again on the server.
export async function middleware(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
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
    const entitlement = await getEntitlement(await getDb(), { userId });
    if (!entitlement.premiumAccess) return NextResponse.redirect(new URL("/pricing", request.url));
  }
  return NextResponse.next();
}

export const config = {
  runtime: "nodejs",
  matcher: ["/account/:path*", "/creator/:path*", "/admin/:path*", "/library/:path*", "/library"],
};
