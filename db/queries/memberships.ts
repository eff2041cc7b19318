import { and, asc, eq, sql } from "drizzle-orm";
import { tenantMembers, tenants } from "../schema";
import type { Executor } from "../types";

export async function getMembership(db: Executor, params: { tenantId: string; userId: string }) {
  const [row] = await db
    .select({ role: tenantMembers.role })
    .from(tenantMembers)
    .where(and(eq(tenantMembers.tenantId, params.tenantId), eq(tenantMembers.userId, params.userId)));
  return row ?? null;
}

/** Every tenant the user belongs to, their personal tenant first, then teams by name. */
export async function listMembershipsForUser(db: Executor, params: { userId: string }) {
  return db
    .select({ tenantId: tenants.id, name: tenants.name, kind: tenants.kind, role: tenantMembers.role })
    .from(tenantMembers)
    .innerJoin(tenants, eq(tenants.id, tenantMembers.tenantId))
    .where(eq(tenantMembers.userId, params.userId))
    .orderBy(sql`${tenants.kind} = 'team'`, asc(tenants.name), asc(tenants.id));
}
