import "server-only";
import { getDb } from "@/db";
import { getSessionUser } from "@/lib/auth/session";
import { getEntitlement } from "@/lib/entitlements";

/** Who is asking for a flow, and whether they may read premium text. */
export type Caller =
  | { kind: "anonymous"; userId: null; premiumAccess: false }
  | { kind: "user"; userId: string; premiumAccess: boolean };

export const ANONYMOUS: Caller = { kind: "anonymous", userId: null, premiumAccess: false };

/**
 * The one place the catalogue asks "who is calling": today the session cookie. API tokens (Bearer) will plug in
 * here, which is why it takes the request; pages call it without one.
 */
export async function getCaller(_request?: Request): Promise<Caller> {
  const user = await getSessionUser();
  if (!user) return ANONYMOUS;
  const entitlement = await getEntitlement(await getDb(), { userId: user.id });
  return { kind: "user", userId: user.id, premiumAccess: entitlement.premiumAccess };
}
