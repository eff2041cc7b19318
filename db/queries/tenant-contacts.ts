import { and, eq, inArray } from "drizzle-orm";
import { tenantMembers, users } from "../schema";
import type { Executor } from "../types";

/** Who hears about a tenant's billing: its owners and admins. */
export async function listBillingContacts(db: Executor, params: { tenantId: string }) {
  return db
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(tenantMembers)
    .innerJoin(users, eq(users.id, tenantMembers.userId))
    .where(and(eq(tenantMembers.tenantId, params.tenantId), inArray(tenantMembers.role, ["owner", "admin"])));
}
