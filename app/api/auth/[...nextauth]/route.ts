// GET|POST /api/auth/*: Auth.js. Credentials sign-ins are checked against the login throttle first so a
// blocked client gets a real 429 (Auth.js alone would answer with a redirect).
import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { emailSchema } from "@/lib/auth/email";
import { handlers } from "@/lib/auth/config";
import { checkLoginThrottle, clientIp } from "@/lib/auth/throttle";

export const GET = handlers.GET;

export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = emailSchema.safeParse(form?.get("email"));
    if (email.success) {
      const throttle = await checkLoginThrottle(await getDb(), { email: email.data, ip: clientIp(request.headers) });
      if (throttle.throttled) {
        return Response.json(
          { error: { code: "rate_limited", message: "Too many failed sign-in attempts. Try again later." } },
          { status: 429, headers: { "Retry-After": String(throttle.retryAfterSeconds) } },
        );
      }
    }
  }
  return handlers.POST(request);
}
