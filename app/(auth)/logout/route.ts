// POST /logout: signs the user out (the header's "Sign out" form) and returns to the landing page.
import type { NextRequest } from "next/server";
import { isSameOriginWrite } from "@/lib/api/same-origin";
import { signOut } from "@/lib/auth/config";

export async function POST(request: NextRequest) {
  // Only our own pages may sign a user out.
  if (!isSameOriginWrite(request)) {
    return Response.json({ error: { code: "forbidden", message: "Cross-site sign-out refused." } }, { status: 403 });
  }
  await signOut({ redirect: false });
  return Response.redirect(new URL("/", request.nextUrl.origin), 303);
}
