"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { getSessionUser } from "@/lib/auth/session";
import { startConnectOnboarding } from "@/lib/connect/onboarding";
import { AppError } from "@/lib/errors";

/** "Set up payouts" / "Continue setup": to Stripe's hosted onboarding for the signed-in creator's own account. */
export async function startPayoutSetupAction(): Promise<void> {
  const user = await getSessionUser();
  if (!user) redirect("/login?from=/creator");
  let url: string;
  try {
    ({ url } = await startConnectOnboarding(await getDb(), { userId: user.id }));
  } catch (error) {
    if (error instanceof AppError) redirect(`/creator?connect=error`);
    throw error;
  }
  redirect(url);
}
