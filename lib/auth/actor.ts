import "server-only";
import { findApiTokenByHash, recordApiTokenUse } from "@/db/queries/api-tokens";
import type { ApiScope } from "@/db/schema";
import type { Executor } from "@/db/types";
import { getEntitlement } from "@/lib/entitlements";
import { assertSameOriginWrite } from "@/lib/api/same-origin";
import { AppError } from "@/lib/errors";
import { getChosenTenantId } from "@/lib/tenancy/session-tenant";
import { hashApiToken, looksLikeApiToken } from "./api-tokens";
import { getSessionUser, getSessionUserId } from "./session";

/**
 * Who is calling the API: a signed-in browser session or an API token. `tenantId` is the tenant they act in: a
 * token's own tenant (it acts with that tenant's plan only), or the tenant a session chose in the header (null: the
 * user's best plan).
 */
export type Actor =
  | { kind: "session"; userId: string; tenantId: string | null }
  | { kind: "token"; userId: string; tenantId: string; tokenId: string; scopes: ApiScope[] };

/**
 * Resolves the caller from `Authorization: Bearer ...` or the session cookie. A bearer header that is not a
 * valid, live token is 401 (never silently treated as anonymous). Token requests count against the plan's
 * daily quota for that token (429 with Retry-After at UTC midnight).
 */
export async function getActor(
  db: Executor,
  request: Request,
  now = new Date(),
  options: ActorOptions = {},
): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const presented = /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1];
    if (!presented || !looksLikeApiToken(presented)) throw new AppError("unauthorized", "Invalid API token.");
    const token = await findApiTokenByHash(db, { tokenHash: hashApiToken(presented) });
    if (!token || token.revokedAt) throw new AppError("unauthorized", "Invalid or revoked API token.");
    if (token.expiresAt && token.expiresAt <= now) throw new AppError("unauthorized", "This API token has expired.");
    const [used, entitlement] = await Promise.all([
      recordApiTokenUse(db, { tokenId: token.id, now }),
      getEntitlement(db, { userId: token.userId, tenantId: token.tenantId, now }),
    ]);
    if (used > entitlement.plan.apiRequestsPerDay) {
      const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
      throw new AppError(
        "quota_exceeded",
        `Daily API quota of ${entitlement.plan.apiRequestsPerDay} requests reached for this token.`,
        {
          retryAfterSeconds: Math.max(1, Math.ceil((midnight - now.getTime()) / 1000)),
        },
      );
    }
    return {
      kind: "token",
      userId: token.userId,
      tenantId: token.tenantId,
      tokenId: token.id,
      scopes: token.scopes as ApiScope[],
    };
  }
  // With userCheckedByCaller the users table is not read here: the caller's own statement checks the row exists.
  const userId = options.userCheckedByCaller ? await getSessionUserId() : (await getSessionUser())?.id;
  if (!userId) return null;
  // The browser sends the cookie by itself, even on a request another site made: writes must come from our pages.
  assertSameOriginWrite(request);
  return { kind: "session", userId, tenantId: await getChosenTenantId(db, userId) };
}

export type ActorOptions = {
  /**
   * The handler's own query refuses a user id whose row no longer exists (recordCopy does, in the statement that
   * reads its context), so a session is not checked against the users table here: one round trip less per request.
   */
  userCheckedByCaller?: boolean;
};

/** The caller, or 401; with `scope`, a token lacking it is 403 (sessions may do everything their user may). */
export async function requireActor(
  db: Executor,
  request: Request,
  scope?: ApiScope,
  options: ActorOptions = {},
): Promise<Actor> {
  const actor = await getActor(db, request, new Date(), options);
  if (!actor) throw new AppError("unauthorized", "Sign in or send an API token.");
  if (scope && actor.kind === "token" && !actor.scopes.includes(scope)) {
    throw new AppError("forbidden", `This API token lacks the ${scope} scope.`);
  }
  return actor;
}

/**
 * For what only a signed-in person may do (checkout, the billing portal, Connect onboarding, likes and saves): an
 * API token gets 403 whatever its scopes (a leaked extension token must not reach billing or payouts), no session
 * 401, a cross-site write 403.
 */
export async function requireSessionActor(request: Request): Promise<{ kind: "session"; userId: string }> {
  if (request.headers.get("authorization") !== null) {
    throw new AppError("forbidden", "This needs a signed-in session: API tokens cannot do it.");
  }
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  assertSameOriginWrite(request);
  return { kind: "session", userId: user.id };
}
