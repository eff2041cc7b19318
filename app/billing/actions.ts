"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { checkoutUrlFor, portalUrlFor } from "@/lib/billing/actions-core";
import { getSessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getActingContext } from "@/lib/tenancy/session-tenant";

/** Subscribe / Start free trial: to Stripe Checkout (or the portal when a subscription exists). */
export async function checkoutAction(): Promise<void> {
  const user = await getSessionUser();
  if (!user) redirect("/login?from=/pricing");
  let url: string;
  try {
    url = await checkoutUrlFor(await getDb(), { userId: user.id });
  } catch (error) {
    if (error instanceof AppError) redirect(`/pricing?error=${error.code}`);
    throw error;
  }
  redirect(url);
}

/** Manage billing: to the Stripe Customer Portal. */
export async function portalAction(): Promise<void> {
  const user = await getSessionUser();
  if (!user) redirect("/login?from=/account");
  let url: string;
  try {
    const db = await getDb();
    // The billing of the tenant the user acts in (chosen in the header): their own, or a team they manage.
    url = await portalUrlFor(db, { userId: user.id, tenantId: (await getActingContext(db, user.id)).tenantId });
  } catch (error) {
    if (error instanceof AppError) redirect(`/account?error=${error.code}`);
    throw error;
  }
  redirect(url);
}
