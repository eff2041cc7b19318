import "server-only";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import type { Entitlement } from "@/lib/entitlements";
import { getActingContext } from "@/lib/tenancy/session-tenant";
import { getSessionUser, type SessionUser } from "./session";

/** For pages: the signed-in user, or a redirect to /login that comes back to `from`. */
export async function requirePageUser(from: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?from=${encodeURIComponent(from)}`);
  return user;
}

/** For premium pages: the user and their entitlement, or a redirect to /login or /pricing. */
export async function requirePremiumPage(from: string): Promise<{ user: SessionUser; entitlement: Entitlement }> {
  const user = await requirePageUser(from);
  const { entitlement } = await getActingContext(await getDb(), user.id);
  if (!entitlement.premiumAccess) redirect("/pricing");
  return { user, entitlement };
}
