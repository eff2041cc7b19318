import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { apiTokens, subscriptions, tenantMembers, tenants, users } from "../schema";
import type { SubscriptionStatus, TenantRole } from "../schema";
import type { Executor } from "../types";

/** A new team tenant with its creator as owner (call inside a transaction). */
export async function insertTeamWithOwner(db: Executor, params: { name: string; ownerId: string }) {
  const [team] = await db.insert(tenants).values({ name: params.name, kind: "team" }).returning();
  if (!team) throw new Error("The team was not created.");
  await db.insert(tenantMembers).values({ tenantId: team.id, userId: params.ownerId, role: "owner" });
  return team;
}

/**
 * Locks the tenant row for the rest of the transaction: membership changes of one tenant run one at a time. FOR NO KEY
 * UPDATE, not FOR UPDATE: copies insert rows referencing the tenant (a foreign-key check takes FOR KEY SHARE) and
 * must not queue behind a membership change.
 */
export async function lockTenant(db: Executor, params: { tenantId: string }) {
  const [row] = await db
    .select({ id: tenants.id, name: tenants.name, kind: tenants.kind })
    .from(tenants)
    .where(eq(tenants.id, params.tenantId))
    .for("no key update");
  return row ?? null;
}

/**
 * A team's members in seat order: the first `quantity` of them hold its seats (the order of holdsSeatSql in
 * db/queries/seats.ts: join date, then user id).
 */
export async function listTeamMembers(db: Executor, params: { tenantId: string }) {
  return db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: tenantMembers.role,
      joinedAt: tenantMembers.createdAt,
    })
    .from(tenantMembers)
    .innerJoin(users, eq(users.id, tenantMembers.userId))
    .where(eq(tenantMembers.tenantId, params.tenantId))
    .orderBy(asc(tenantMembers.createdAt), asc(tenantMembers.userId));
}

export async function countMembers(db: Executor, params: { tenantId: string; role?: TenantRole }) {
  const [row] = await db
    .select({ n: count() })
    .from(tenantMembers)
    .where(
      and(eq(tenantMembers.tenantId, params.tenantId), params.role ? eq(tenantMembers.role, params.role) : undefined),
    );
  return row?.n ?? 0;
}

export async function getMember(db: Executor, params: { tenantId: string; userId: string }) {
  const [row] = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: tenantMembers.role,
      joinedAt: tenantMembers.createdAt,
    })
    .from(tenantMembers)
    .innerJoin(users, eq(users.id, tenantMembers.userId))
    .where(and(eq(tenantMembers.tenantId, params.tenantId), eq(tenantMembers.userId, params.userId)));
  return row ?? null;
}

export async function insertMember(db: Executor, params: { tenantId: string; userId: string; role: TenantRole }) {
  const rows = await db.insert(tenantMembers).values(params).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function deleteMember(db: Executor, params: { tenantId: string; userId: string }) {
  const rows = await db
    .delete(tenantMembers)
    .where(and(eq(tenantMembers.tenantId, params.tenantId), eq(tenantMembers.userId, params.userId)))
    .returning({ userId: tenantMembers.userId });
  return rows.length > 0;
}

export async function setMemberRole(db: Executor, params: { tenantId: string; userId: string; role: TenantRole }) {
  await db
    .update(tenantMembers)
    .set({ role: params.role })
    .where(and(eq(tenantMembers.tenantId, params.tenantId), eq(tenantMembers.userId, params.userId)));
}

/** A member who leaves or is removed keeps no way in: their API tokens made in that tenant are revoked. */
export async function revokeMemberTokens(db: Executor, params: { tenantId: string; userId: string; at: Date }) {
  await db
    .update(apiTokens)
    .set({ revokedAt: params.at })
    .where(
      and(eq(apiTokens.tenantId, params.tenantId), eq(apiTokens.userId, params.userId), isNull(apiTokens.revokedAt)),
    );
}

/** The tenant's subscriptions in the given statuses, newest period first (the seats come from the first). */
export async function listTenantSubscriptions(
  db: Executor,
  params: { tenantId: string; statuses: SubscriptionStatus[] },
) {
  return db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.tenantId, params.tenantId), inArray(subscriptions.status, params.statuses)))
    .orderBy(sql`${subscriptions.currentPeriodEnd} desc`);
}

/** Teams this user owns that never had a subscription (a checkout that was left): one is enough. */
export async function listUnpaidTeamsOwnedBy(db: Executor, params: { userId: string }) {
  return db
    .select({ id: tenants.id, name: tenants.name })
    .from(tenantMembers)
    .innerJoin(tenants, eq(tenants.id, tenantMembers.tenantId))
    .where(
      and(
        eq(tenantMembers.userId, params.userId),
        eq(tenantMembers.role, "owner"),
        eq(tenants.kind, "team"),
        sql`not exists (select 1 from ${subscriptions} where ${subscriptions.tenantId} = ${tenants.id})`,
      ),
    );
}

export async function markEmailVerified(db: Executor, params: { userId: string; at: Date }) {
  await db
    .update(users)
    .set({ emailVerified: params.at })
    .where(and(eq(users.id, params.userId), isNull(users.emailVerified)));
}

export async function findUserIdByEmail(db: Executor, params: { email: string }) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, params.email));
  return row?.id ?? null;
}
