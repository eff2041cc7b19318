import "server-only";
import { z } from "zod";
import { getMembership } from "@/db/queries/memberships";
import type { Executor } from "@/db/types";

/** The cookie that remembers which tenant (personal or a team) a signed-in user chose in the header. */
export const ACTIVE_TENANT_COOKIE = "flowtab_tenant";

/**
 * The tenant a signed-in user asked to act in, if they still belong to it; null otherwise (then their best plan
 * applies). A cookie is only a wish: it names a tenant, and the membership decides.
 */
export async function resolveActiveTenantId(
  db: Executor,
  params: { userId: string; requested: string | null | undefined },
): Promise<string | null> {
  const parsed = z.uuid().safeParse(params.requested);
  if (!parsed.success) return null;
  return (await getMembership(db, { tenantId: parsed.data, userId: params.userId })) ? parsed.data : null;
}
