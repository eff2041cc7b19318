import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db";
import { gateForPath } from "@/lib/access";
import { auth } from "@/lib/auth/config";
import { getEntitlement } from "@/lib/entitlements";
import { ACTIVE_TENANT_COOKIE, resolveActiveTenantId } from "@/lib/tenancy/active-tenant";

// Optimistic gate only: every page, layout and handler behind it checks again on the server.
export async function middleware(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const gate = gateForPath(pathname);
  if (gate === "public") return NextResponse.next();

  const session = await auth();
  const userId = session?.user?.id;
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
  }
  return NextResponse.next();
}

export const config = {
  runtime: "nodejs",
  matcher: ["/account/:path*", "/creator/:path*", "/admin/:path*", "/library/:path*", "/library"],
};
