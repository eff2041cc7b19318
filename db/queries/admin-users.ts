import { asc, count, desc, eq, ilike, inArray, sql } from "drizzle-orm";
import { copyEvents, flows, payouts, subscriptions, tenantMembers, tenants, users } from "../schema";
import type { Executor } from "../types";
import { containsPattern } from "./like";

// User search on /admin/users: who someone is on the platform, for support. Admins only (checked by the caller).

/** Users whose email contains `query` (emails are stored lower-case), exact match first, then alphabetical. */
export async function searchUsersByEmail(db: Executor, params: { query: string; page: number; pageSize: number }) {
  const query = params.query.toLowerCase();
  const where = ilike(users.email, containsPattern(query));
  const [items, total] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        handle: users.handle,
        isAdmin: users.isAdmin,
        trialUsedAt: users.trialUsedAt,
        createdAt: users.createdAt,
      })
      .from(users)
      .where(where)
      .orderBy(sql`${users.email} = ${query} desc`, asc(users.email))
      .limit(params.pageSize)
      .offset((params.page - 1) * params.pageSize),
    db.select({ count: count() }).from(users).where(where),
  ]);
  return { items, total: Number(total[0]?.count ?? 0) };
}

/** Each user's tenants with their role and the tenant's newest subscription. */
export async function listTenantsOfUsers(db: Executor, params: { userIds: string[] }) {
  if (params.userIds.length === 0) return [];
  return db
    .select({
      userId: tenantMembers.userId,
      tenantId: tenants.id,
      name: tenants.name,
      kind: tenants.kind,
      role: tenantMembers.role,
      subscriptionStatus: sql<
        string | null
      >`(select s.status from ${subscriptions} s where s.tenant_id = ${tenants.id} order by s.created_at desc limit 1)`,
      seats: sql<
        number | null
      >`(select s.quantity from ${subscriptions} s where s.tenant_id = ${tenants.id} order by s.created_at desc limit 1)`,
      members: sql<number>`(select count(*)::int from ${tenantMembers} m where m.tenant_id = ${tenants.id})`,
    })
    .from(tenantMembers)
    .innerJoin(tenants, eq(tenants.id, tenantMembers.tenantId))
    .where(inArray(tenantMembers.userId, params.userIds))
    .orderBy(asc(tenants.kind), asc(tenants.name));
}

/** Copies by each user: in all, in [monthStart, monthEnd), and how many of them qualified. */
export async function countCopiesOfUsers(
  db: Executor,
  params: { userIds: string[]; monthStart: Date; monthEnd: Date },
) {
  if (params.userIds.length === 0) return [];
  const start = params.monthStart.toISOString();
  const end = params.monthEnd.toISOString();
  return db
    .select({
      userId: copyEvents.userId,
      total: count(),
      thisMonth: sql<number>`count(*) filter (where ${copyEvents.createdAt} >= ${start}::timestamptz and ${copyEvents.createdAt} < ${end}::timestamptz)::int`,
      qualifying: sql<number>`count(*) filter (where ${copyEvents.countedForPayout})::int`,
    })
    .from(copyEvents)
    .where(inArray(copyEvents.userId, params.userIds))
    .groupBy(copyEvents.userId);
}

/** Flows each user created, by status. */
export async function countFlowsOfUsers(db: Executor, params: { userIds: string[] }) {
  if (params.userIds.length === 0) return [];
  return db
    .select({
      userId: flows.creatorId,
      published: sql<number>`count(*) filter (where ${flows.status} = 'published')::int`,
      drafts: sql<number>`count(*) filter (where ${flows.status} = 'draft')::int`,
      unpublished: sql<number>`count(*) filter (where ${flows.status} = 'unpublished')::int`,
    })
    .from(flows)
    .where(inArray(flows.creatorId, params.userIds))
    .groupBy(flows.creatorId);
}

/** Each user's payouts as a creator, newest month first. */
export async function listPayoutsOfUsers(db: Executor, params: { userIds: string[] }) {
  if (params.userIds.length === 0) return [];
  return db
    .select({
      userId: payouts.creatorId,
      id: payouts.id,
      month: payouts.month,
      amountCents: payouts.amountCents,
      status: payouts.status,
      needsAdmin: payouts.needsAdmin,
    })
    .from(payouts)
    .where(inArray(payouts.creatorId, params.userIds))
    .orderBy(desc(payouts.month));
}
