import "server-only";
import { getDb } from "@/db";
import type { SearchScope } from "@/db/queries/flows";
import { getActor } from "@/lib/auth/actor";
import { getSessionUser } from "@/lib/auth/session";
import { getEntitlement } from "@/lib/entitlements";
import { AppError } from "@/lib/errors";
import { getChosenTenantId } from "@/lib/tenancy/session-tenant";

/** Who is asking for a flow, and whether they may read premium text. */
export type Caller =
  { kind: "anonymous"; userId: null; premiumAccess: false } | { kind: "user"; userId: string; premiumAccess: boolean };

/** What a caller's search may match: premium text only with premium access. */
export function searchScopeFor(caller: Caller | null): SearchScope {
  return caller?.premiumAccess ? "full" : "public";
}

const ANONYMOUS: Caller = { kind: "anonymous", userId: null, premiumAccess: false };

/**
 * The one place the catalogue asks "who is calling". API routes pass the request, so a Bearer token works
 * (it needs the flows:read scope and counts against its daily quota); pages use the session cookie.
 */
export async function getCaller(request?: Request): Promise<Caller> {
  const db = await getDb();
  let userId: string | null;
  let tenantId: string | null = null;
  if (request) {
    const actor = await getActor(db, request);
    if (actor?.kind === "token" && !actor.scopes.includes("flows:read")) {
      throw new AppError("forbidden", "This API token lacks the flows:read scope.");
    }
    userId = actor?.userId ?? null;
    tenantId = actor?.tenantId ?? null;
  } else {
    userId = (await getSessionUser())?.id ?? null;
    if (userId) tenantId = await getChosenTenantId(db, userId);
  }
  if (!userId) return ANONYMOUS;
  const entitlement = await getEntitlement(db, { userId, tenantId });
  return { kind: "user", userId, premiumAccess: entitlement.premiumAccess };
}
