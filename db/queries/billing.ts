import { and, eq, inArray, isNotNull, isNull, like, sql, type SQL } from "drizzle-orm";
import { invoices, subscriptions, tenantMembers, tenants, users } from "../schema";
import type { InvoiceStatus, SubscriptionStatus } from "../schema";
import { oneRow } from "../rows";
import type { Executor } from "../types";

export async function getTenantById(db: Executor, params: { tenantId: string }) {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, params.tenantId));
  return tenant ?? null;
}

export async function getTenantByCustomerId(db: Executor, params: { customerId: string }) {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.stripeCustomerId, params.customerId));
  return tenant ?? null;
}

/** Sets the tenant's customer id once; returns the id that ended up stored (ours or a racing request's). */
export async function setTenantCustomerId(db: Executor, params: { tenantId: string; customerId: string }) {
  await db
    .update(tenants)
    .set({ stripeCustomerId: params.customerId })
    .where(and(eq(tenants.id, params.tenantId), isNull(tenants.stripeCustomerId)));
  const tenant = await getTenantById(db, { tenantId: params.tenantId });
  return tenant?.stripeCustomerId ?? null;
}

export type SubscriptionSnapshot = {
  tenantId: string;
  stripeSubscriptionId: string;
  stripeCustomerId: string;
  stripePriceId: string;
  status: SubscriptionStatus;
  quantity: number;
  unitAmountCents: number;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
  trialStart: Date | null;
  trialEnd: Date | null;
  endedAt: Date | null;
  stripeSyncedAt: Date;
};

/**
 * Insert or overwrite our copy of a Stripe subscription (the snapshot was just fetched from Stripe).
 *
 * The update never names the conflict key (stripe_subscription_id): PostgreSQL locks the row for an ON CONFLICT update
 * FOR UPDATE when the SET list names a unique column and FOR NO KEY UPDATE otherwise, and only the second lets a
 * concurrent copy's foreign-key check (FOR KEY SHARE on this row, at the end of the copy statement, after it has
 * locked the period's credit_periods row) go through. With the key named, a sync that then settles that period
 * deadlocked with the copy (40P01: seen as a 503 for a new subscriber's first copies while the checkout's webhooks
 * were arriving). The same holds for invoices below.
 */
export async function upsertSubscription(db: Executor, snapshot: SubscriptionSnapshot) {
  const { stripeSubscriptionId: _key, ...changes } = snapshot;
  // Two syncs can race; the one that fetched from Stripe later wins, whichever commits last.
  const [row] = await db
    .insert(subscriptions)
    .values(snapshot)
    .onConflictDoUpdate({
      target: subscriptions.stripeSubscriptionId,
      set: { ...changes, updatedAt: new Date() },
      setWhere: sql`${subscriptions.stripeSyncedAt} <= excluded.stripe_synced_at`,
    })
    .returning();
  if (row) return row;
  // Not overwritten: the stored copy was fetched from Stripe later than this snapshot.
  const stored = await db
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.stripeSubscriptionId, snapshot.stripeSubscriptionId));
  return oneRow(stored, "subscription");
}

export type InvoiceSnapshot = {
  tenantId: string;
  subscriptionId: string | null;
  stripeInvoiceId: string;
  status: InvoiceStatus;
  currency: string;
  amountDueCents: number;
  amountPaidCents: number;
  periodStart: Date;
  periodEnd: Date;
  paidAt: Date | null;
};

/** How far an invoice has got: Stripe moves draft -> open -> uncollectible -> paid | void, never back. */
const invoiceProgress = (status: SQL | SQL.Aliased | typeof invoices.status) =>
  sql`case ${status} when 'draft' then 0 when 'open' then 1 when 'uncollectible' then 2 else 3 end`;

/**
 * Insert or update our copy of a Stripe invoice. A snapshot fetched before a concurrent one (two webhooks at once)
 * can commit after it: an update that would move the invoice back (paid -> open) is skipped, and the stored row
 * is returned.
 */
export async function upsertInvoice(db: Executor, snapshot: InvoiceSnapshot) {
  // Not the conflict key in SET: a copy's earned credit references the invoice (see upsertSubscription).
  const { stripeInvoiceId: _key, ...changes } = snapshot;
  const [row] = await db
    .insert(invoices)
    .values(snapshot)
    .onConflictDoUpdate({
      target: invoices.stripeInvoiceId,
      set: { ...changes, updatedAt: new Date() },
      setWhere: sql`${invoiceProgress(sql`excluded.status`)} >= ${invoiceProgress(invoices.status)}`,
    })
    .returning();
  if (row) return row;
  const stored = await db.select().from(invoices).where(eq(invoices.stripeInvoiceId, snapshot.stripeInvoiceId));
  return oneRow(stored, "invoice");
}

/** Records a refund or dispute against an invoice we know. */
export async function markInvoicePaymentProblem(
  db: Executor,
  params: { stripeInvoiceId: string; stripeChargeId: string; amountRefundedCents: number; disputed: boolean },
) {
  const [row] = await db
    .update(invoices)
    .set({
      stripeChargeId: params.stripeChargeId,
      amountRefundedCents: sql`least(${params.amountRefundedCents}, ${invoices.amountPaidCents})`,
      disputed: params.disputed,
      updatedAt: new Date(),
    })
    .where(eq(invoices.stripeInvoiceId, params.stripeInvoiceId))
    .returning();
  return row ?? null;
}

export async function getSubscriptionById(db: Executor, params: { subscriptionId: string }) {
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.id, params.subscriptionId));
  return row ?? null;
}

export async function getSubscriptionByStripeId(db: Executor, params: { stripeSubscriptionId: string }) {
  const [row] = await db
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.stripeSubscriptionId, params.stripeSubscriptionId));
  return row ?? null;
}

/** A tenant's subscriptions in statuses that still count as "live" (only one may exist per tenant). */
export async function listLiveSubscriptions(
  db: Executor,
  params: { tenantId: string; liveStatuses: SubscriptionStatus[] },
) {
  return db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.tenantId, params.tenantId), inArray(subscriptions.status, params.liveStatuses)));
}

export async function markTrialUsed(db: Executor, params: { userId: string; at: Date }) {
  await db
    .update(users)
    .set({ trialUsedAt: params.at })
    .where(and(eq(users.id, params.userId), isNull(users.trialUsedAt)));
}

export async function getUserBillingFlags(db: Executor, params: { userId: string }) {
  const [row] = await db
    .select({
      email: users.email,
      name: users.name,
      trialUsedAt: users.trialUsedAt,
      emailVerified: users.emailVerified,
    })
    .from(users)
    .where(eq(users.id, params.userId));
  return row ?? null;
}

/** The Stripe customers of the tenants whose billing this user manages (owner or admin). */
export async function listManagedCustomerIds(db: Executor, params: { userId: string }) {
  const rows = await db
    .select({ customerId: tenants.stripeCustomerId })
    .from(tenantMembers)
    .innerJoin(tenants, eq(tenants.id, tenantMembers.tenantId))
    .where(
      and(
        eq(tenantMembers.userId, params.userId),
        inArray(tenantMembers.role, ["owner", "admin"]),
        isNotNull(tenants.stripeCustomerId),
      ),
    );
  return rows.map((r) => r.customerId).filter((id): id is string => id !== null);
}

/** Subscriptions whose Stripe id starts with `prefix`, with the owner of their personal tenant (seed tooling). */
export async function listSubscriptionsByIdPrefix(db: Executor, params: { prefix: string }) {
  return (
    db
      .select({ subscription: subscriptions, ownerId: users.id, email: users.email, name: users.name })
      .from(subscriptions)
      .innerJoin(tenants, eq(tenants.id, subscriptions.tenantId))
      .leftJoin(users, eq(users.id, tenants.personalOwnerId))
      // "_" and "%" are LIKE wildcards: escaped, so only ids that really start with the prefix match.
      .where(like(subscriptions.stripeSubscriptionId, `${params.prefix.replace(/[_%\\]/g, "\\$&")}%`))
      .orderBy(subscriptions.stripeSubscriptionId)
  );
}
