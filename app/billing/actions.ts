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

/** Manage billing on /account: the portal of the tenant the user acts in (their own, or a team they manage). */
export async function portalAction(): Promise<void> {
  await redirectToPortal("acting");
}

/** Manage billing on the pricing page's Premium card: the portal of the user's own plan. */
export async function personalPortalAction(): Promise<void> {
  await redirectToPortal("personal");
}

async function redirectToPortal(which: "acting" | "personal"): Promise<void> {
  const user = await getSessionUser();
  if (!user) redirect("/login?from=/account");
  let url: string;
  try {
    const db = await getDb();
    const tenantId = which === "acting" ? (await getActingContext(db, user.id)).tenantId : null;
    url = await portalUrlFor(db, { userId: user.id, tenantId });
  } catch (error) {
    if (error instanceof AppError) redirect(`/account?error=${error.code}`);
    throw error;
  }
  redirect(url);
}
