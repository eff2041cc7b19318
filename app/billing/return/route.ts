// GET /billing/return: where the Stripe Customer Portal sends the user back; syncs their billing, then /account.
import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db";
import { getSessionUser } from "@/lib/auth/session";
import { syncAfterPortal } from "@/lib/billing/portal";

export async function GET(request: NextRequest) {
  const user = await getSessionUser();
  if (!user) return NextResponse.redirect(new URL("/login?from=/account", request.url), 303);
  try {
    await syncAfterPortal(await getDb(), { userId: user.id });
  } catch (error) {
    // The webhook brings the same change a moment later; the account page still opens.
    console.error(
      JSON.stringify({
        level: "error",
        msg: "billing sync after portal failed",
        userId: user.id,
        error: String(error),
      }),
    );
  }
  return NextResponse.redirect(new URL("/account", request.url), 303);
}
