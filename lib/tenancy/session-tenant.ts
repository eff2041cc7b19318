import "server-only";
import { cookies } from "next/headers";
import type { Executor } from "@/db/types";
import { getEntitlement, type Entitlement } from "@/lib/entitlements";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { ACTIVE_TENANT_COOKIE, resolveActiveTenantId } from "./active-tenant";

/** The tenant the signed-in user chose in the header (validated against their memberships), or null. */
export async function getChosenTenantId(db: Executor, userId: string): Promise<string | null> {
  const requested = (await cookies()).get(ACTIVE_TENANT_COOKIE)?.value;
  return resolveActiveTenantId(db, { userId, requested });
}

/** Remembers the chosen tenant (server actions only; the caller has checked the membership). */
export async function rememberChosenTenant(tenantId: string): Promise<void> {
  (await cookies()).set(ACTIVE_TENANT_COOKIE, tenantId, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().APP_URL.startsWith("https:"),
    path: "/",
    maxAge: 365 * 86_400,
  });
}

export type ActingContext = {
  /** The tenant the user acts in: the one chosen in the header, else the one whose plan serves them best. */
  tenantId: string;
  entitlement: Entitlement;
};

/** The signed-in user's tenant and entitlement for this request: what pages, middleware and the API act with. */
export async function getActingContext(db: Executor, userId: string, now = new Date()): Promise<ActingContext> {
  const chosen = await getChosenTenantId(db, userId);
  const entitlement = await getEntitlement(db, { userId, tenantId: chosen, now });
  // Everyone has a personal tenant, so the entitlement always names one; the guard keeps the type honest.
  const tenantId = chosen ?? entitlement.tenantId;
  if (!tenantId) throw new AppError("internal", "This account has no tenant.");
  return { tenantId, entitlement };
}
