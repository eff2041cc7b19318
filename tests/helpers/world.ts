import { sql } from "drizzle-orm";
import { flows, subscriptions, tenantMembers, tenants, users } from "@/db/schema";
import type { SubscriptionStatus } from "@/db/schema";
import type { Db } from "@/db/types";

/** Small builders for integration tests: real rows through Drizzle, no mocks. */
export async function makeUser(db: Db, name: string, opts: { teamTenantId?: string; unverified?: boolean } = {}) {
  const [user] = await db
    .insert(users)
    .values({
      email: `${name.toLowerCase().replace(/\W+/g, "-")}-${Math.random().toString(36).slice(2, 8)}@example.com`,
      name,
      // Verified unless asked otherwise: a free trial needs a verified address (lib/billing/checkout.ts).
      emailVerified: opts.unverified ? null : new Date(),
    })
    .returning();
  const [tenant] = await db.insert(tenants).values({ name, kind: "personal", personalOwnerId: user!.id }).returning();
  await db.insert(tenantMembers).values({ tenantId: tenant!.id, userId: user!.id, role: "owner" });
  if (opts.teamTenantId)
    await db.insert(tenantMembers).values({ tenantId: opts.teamTenantId, userId: user!.id, role: "member" });
  return { user: user!, tenant: tenant! };
}

export async function makeSubscription(
  db: Db,
  tenantId: string,
  opts: { status?: SubscriptionStatus; start?: Date; end?: Date; id?: string } = {},
) {
  const start = opts.start ?? new Date(Date.now() - 5 * 86_400_000);
  const end = opts.end ?? new Date(start.getTime() + 30 * 86_400_000);
  const [sub] = await db
    .insert(subscriptions)
    .values({
      tenantId,
      stripeSubscriptionId: opts.id ?? `sub_${Math.random().toString(36).slice(2)}`,
      stripeCustomerId: `cus_${tenantId.slice(0, 8)}`,
      stripePriceId: "price_test",
      status: opts.status ?? "active",
      unitAmountCents: 1000,
      currentPeriodStart: start,
      currentPeriodEnd: end,
      trialStart: opts.status === "trialing" ? start : null,
      trialEnd: opts.status === "trialing" ? end : null,
      stripeSyncedAt: new Date(),
    })
    .returning();
  return sub!;
}

/** `count` published flows by the creator, slugs `${prefix}-1..count`, inserted in one statement. */
export async function makeFlows(
  db: Db,
  creator: { userId: string; tenantId: string },
  count: number,
  opts: { prefix?: string; isPremium?: boolean } = {},
) {
  const prefix = opts.prefix ?? `flow-${Math.random().toString(36).slice(2, 8)}`;
  const premium = opts.isPremium ?? true;
  await db.execute(sql`
    insert into ${flows} (slug, title, summary, prompt_text, category, status, published_at, is_premium, creator_id, tenant_id)
    select ${prefix} || '-' || g, 'Test flow number ' || g, 'A test flow.', 'Secret prompt text ' || g,
      'Testing', 'published', now(), ${premium}, ${creator.userId}, ${creator.tenantId}
    from generate_series(1, ${count}) g`);
  return Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`);
}
