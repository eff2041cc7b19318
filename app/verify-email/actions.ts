"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { resendVerificationEmail } from "@/lib/auth/email-verification";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { getSessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

/** "Send the link again" (account page, pricing): a fresh verification link; the earlier one stops working. */
export async function resendVerificationAction(formData: FormData): Promise<void> {
  const back = safeRedirectPath(formData.get("from"), "/account");
  const user = await getSessionUser();
  if (!user) redirect(`/login?from=${encodeURIComponent(back)}`);
  const db = await getDb();
  let outcome = "sent";
  try {
    outcome = (await resendVerificationEmail(db, { userId: user.id })) ? "sent" : "verified";
  } catch (error) {
    if (!(error instanceof AppError && error.code === "rate_limited")) throw error;
    outcome = "throttled";
  }
  const url = new URL(back, "http://flowtab.invalid");
  url.searchParams.set("verification", outcome);
  redirect(`${url.pathname}${url.search}`);
}
