// GET /creator/connect/refresh: Stripe's refresh_url. The onboarding link expired or was used: make a fresh one
// for the creator's existing account and send them back to Stripe. Session only.
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { getSessionUser } from "@/lib/auth/session";
import { refreshConnectOnboarding } from "@/lib/connect/onboarding";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await getSessionUser();
  if (!user) redirect(`/login?from=${encodeURIComponent("/creator/connect/refresh")}`);
  let url: string | null;
  try {
    url = (await refreshConnectOnboarding(await getDb(), { userId: user.id }))?.url ?? null;
  } catch (error) {
    if (error instanceof AppError) redirect("/creator?connect=error");
    throw error;
  }
  // No account yet: nothing to continue, the dashboard offers "Set up payouts".
  redirect(url ?? "/creator");
}
