import { desc, eq } from "drizzle-orm";
import { subscriptions, tenantMembers, tenants } from "../schema";
import type { Executor } from "../types";

/**
 * Every subscription of every tenant the user belongs to (personal tenant or a team seat),
 * newest period first, with the tenant's kind and the user's role there.
 */
export async function listSubscriptionsForUser(db: Executor, params: { userId: string }) {
  return db
    .select({
      subscription: subscriptions,
      tenantKind: tenants.kind,
      tenantName: tenants.name,
      role: tenantMembers.role,
    })
    .from(tenantMembers)
    .innerJoin(tenants, eq(tenants.id, tenantMembers.tenantId))
    .innerJoin(subscriptions, eq(subscriptions.tenantId, tenants.id))
    .where(eq(tenantMembers.userId, params.userId))
    .orderBy(desc(subscriptions.currentPeriodEnd));
}

export type UserSubscriptionRow = Awaited<ReturnType<typeof listSubscriptionsForUser>>[number];
