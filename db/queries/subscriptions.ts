import { desc, eq, sql } from "drizzle-orm";
import { subscriptions, tenantMembers, tenants } from "../schema";
import type { Executor } from "../types";
import { holdsSeatSql } from "./seats";

/**
 * Every subscription of every tenant the user belongs to (their personal tenant and their teams), newest period
 * first, with the tenant's kind, the user's role there and whether they hold one of its seats.
 */
export async function listSubscriptionsForUser(db: Executor, params: { userId: string }) {
  return db
    .select({
      subscription: subscriptions,
      tenantKind: tenants.kind,
      tenantName: tenants.name,
      role: tenantMembers.role,
      seated: sql<boolean>`${holdsSeatSql("tenant_members", "subscriptions")}`.mapWith(Boolean),
    })
    .from(tenantMembers)
    .innerJoin(tenants, eq(tenants.id, tenantMembers.tenantId))
    .innerJoin(subscriptions, eq(subscriptions.tenantId, tenants.id))
    .where(eq(tenantMembers.userId, params.userId))
    .orderBy(desc(subscriptions.currentPeriodEnd));
}

export type UserSubscriptionRow = Awaited<ReturnType<typeof listSubscriptionsForUser>>[number];
