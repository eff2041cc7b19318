import "server-only";
import {
  countCopiesOfUsers,
  countFlowsOfUsers,
  listPayoutsOfUsers,
  listTenantsOfUsers,
  searchUsersByEmail,
} from "@/db/queries/admin-users";
import type { Executor } from "@/db/types";
import { getEntitlement } from "@/lib/entitlements";
import { monthBounds, monthOf } from "@/lib/payouts/month";

const NONE = { total: 0, thisMonth: 0, qualifying: 0 };

/**
 * One page of users whose email contains `query`, each with what support asks about: their tenants and role, the
 * plan they are on now (the entitlement the app itself uses), their copies, their flows and their payouts.
 */
export async function searchUsersForAdmin(
  db: Executor,
  params: { query: string; page: number; pageSize: number; now?: Date },
) {
  const now = params.now ?? new Date();
  const found = await searchUsersByEmail(db, params);
  const userIds = found.items.map((u) => u.id);
  const { start, end } = monthBounds(monthOf(now));
  const [tenants, copies, flows, payouts, withEntitlements] = await Promise.all([
    listTenantsOfUsers(db, { userIds }),
    countCopiesOfUsers(db, { userIds, monthStart: start, monthEnd: end }),
    countFlowsOfUsers(db, { userIds }),
    listPayoutsOfUsers(db, { userIds }),
    Promise.all(
      found.items.map(async (user) => ({ user, entitlement: await getEntitlement(db, { userId: user.id, now }) })),
    ),
  ]);
  const items = withEntitlements.map(({ user, entitlement }) => {
    const userPayouts = payouts.filter((p) => p.userId === user.id);
    const c = copies.find((row) => row.userId === user.id);
    const f = flows.find((row) => row.userId === user.id);
    return {
      ...user,
      plan: {
        name: entitlement.plan.name,
        premiumAccess: entitlement.premiumAccess,
        status: entitlement.subscription?.status ?? null,
      },
      tenants: tenants.filter((t) => t.userId === user.id),
      copies: c ? { total: Number(c.total), thisMonth: Number(c.thisMonth), qualifying: Number(c.qualifying) } : NONE,
      flows: {
        published: Number(f?.published ?? 0),
        drafts: Number(f?.drafts ?? 0),
        unpublished: Number(f?.unpublished ?? 0),
      },
      payouts: {
        recent: userPayouts.slice(0, 3),
        count: userPayouts.length,
        paidCents: userPayouts.filter((p) => p.status === "paid").reduce((sum, p) => sum + p.amountCents, 0),
      },
    };
  });
  return { items, total: found.total };
}

export type AdminUserResult = Awaited<ReturnType<typeof searchUsersForAdmin>>["items"][number];
