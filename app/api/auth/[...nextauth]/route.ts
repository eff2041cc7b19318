// GET|POST /api/auth/*: Auth.js. Credentials sign-ins are checked against the login throttle first so a
// blocked client gets a real 429 (Auth.js alone would answer with a redirect).
import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { readBodyText } from "@/lib/api/body";
import { emailSchema } from "@/lib/auth/email";
import { handlers } from "@/lib/auth/config";
import { checkLoginThrottle, clientIp } from "@/lib/auth/throttle";
import { errorResponse } from "@/lib/errors";

export const GET = handlers.GET;

export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    // Read (from a copy) with the same streaming size limit as every JSON body: a huge or endless body is 413.
    let raw: string;
    try {
      raw = await readBodyText(request.clone());
    } catch (error) {
      return errorResponse(error);
    }
    const type = request.headers.get("content-type") ?? "application/x-www-form-urlencoded";
    const form = await new Response(raw, { headers: { "content-type": type } }).formData().catch(() => null);
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
