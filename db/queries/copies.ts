import { and, eq, sql } from "drizzle-orm";
import { copyEvents, copyPeriodUsage, creatorCredits, flowCopyDays, flows, tenantMembers } from "../schema";
import type { CopySource } from "../schema";
import { queryRows } from "../rows";
import type { Executor } from "../types";

/** The fields of a flow the copy engine needs, including the premium text (only returned after the checks). */
export async function getFlowForCopy(db: Executor, params: { slug: string }) {
  const [flow] = await db
    .select({
      id: flows.id,
      slug: flows.slug,
      status: flows.status,
      isPremium: flows.isPremium,
      creatorId: flows.creatorId,
      tenantId: flows.tenantId,
      promptText: flows.promptText,
    })
    .from(flows)
    .where(eq(flows.slug, params.slug));
  return flow ?? null;
}

export type FlowForCopy = NonNullable<Awaited<ReturnType<typeof getFlowForCopy>>>;

/** True when the copier and the creator are the same person or share a tenant (personal or team). */
export async function sharesTenantWithCreator(db: Executor, params: { userId: string; creatorId: string }) {
  if (params.userId === params.creatorId) return true;
  const rows = await queryRows(
    db,
    sql`select 1 as shared from ${tenantMembers} a
      join ${tenantMembers} b on b.tenant_id = a.tenant_id
      where a.user_id = ${params.userId} and b.user_id = ${params.creatorId}
      limit 1`,
  );
  return rows.length > 0;
}

export async function findCopyByIdempotencyKey(db: Executor, params: { userId: string; idempotencyKey: string }) {
  const [row] = await db
    .select()
    .from(copyEvents)
    .where(and(eq(copyEvents.userId, params.userId), eq(copyEvents.idempotencyKey, params.idempotencyKey)));
  return row ?? null;
}

export async function findCopyInPeriod(db: Executor, params: { userId: string; flowId: string; periodStart: Date }) {
  const [row] = await db
    .select()
    .from(copyEvents)
    .where(
      and(
        eq(copyEvents.userId, params.userId),
        eq(copyEvents.flowId, params.flowId),
        eq(copyEvents.periodStart, params.periodStart),
      ),
    );
  return row ?? null;
}

/** Inserts the (user, flow, period) row; returns null when it already exists (the unique index decides). */
export async function insertCopyEvent(
  db: Executor,
  params: {
    userId: string;
    tenantId: string;
    flowId: string;
    creatorId: string;
    subscriptionId: string | null;
    periodStart: Date;
    periodEnd: Date;
    source: CopySource;
    idempotencyKey: string | null;
    now: Date;
  },
) {
  const [row] = await db
    .insert(copyEvents)
    .values({ ...params, countedForPayout: false, createdAt: params.now })
    .onConflictDoNothing({ target: [copyEvents.userId, copyEvents.flowId, copyEvents.periodStart] })
    .returning();
  return row ?? null;
}

export async function ensurePeriodUsageRow(db: Executor, params: { userId: string; periodStart: Date; periodEnd: Date }) {
  await db.insert(copyPeriodUsage).values(params).onConflictDoNothing();
}

/**
 * Counts one new distinct copy. The WHERE clauses are the caps: the row lock makes concurrent copies of one
 * user queue here, and PostgreSQL re-checks the condition after the wait, so `paid_copies` never passes the cap.
 * Returns whether the copy qualified for payout, or null when `copyLimit` is reached (nothing changed).
 */
export async function countCopyInPeriod(
  db: Executor,
  params: { userId: string; periodStart: Date; mayQualify: boolean; paidCap: number; copyLimit: number | null },
): Promise<{ counted: boolean; copies: number; paidCopies: number } | null> {
  const where = and(eq(copyPeriodUsage.userId, params.userId), eq(copyPeriodUsage.periodStart, params.periodStart));
  const underLimit = params.copyLimit === null ? undefined : sql`${copyPeriodUsage.copies} < ${params.copyLimit}`;
  if (params.mayQualify) {
    const [paid] = await db
      .update(copyPeriodUsage)
      .set({ copies: sql`${copyPeriodUsage.copies} + 1`, paidCopies: sql`${copyPeriodUsage.paidCopies} + 1` })
      .where(and(where, underLimit, sql`${copyPeriodUsage.paidCopies} < ${params.paidCap}`))
      .returning({ copies: copyPeriodUsage.copies, paidCopies: copyPeriodUsage.paidCopies });
    if (paid) return { counted: true, ...paid };
  }
  const [unpaid] = await db
    .update(copyPeriodUsage)
    .set({ copies: sql`${copyPeriodUsage.copies} + 1` })
    .where(and(where, underLimit))
    .returning({ copies: copyPeriodUsage.copies, paidCopies: copyPeriodUsage.paidCopies });
  return unpaid ? { counted: false, ...unpaid } : null;
}

export async function markCopyCounted(db: Executor, params: { copyEventId: string }) {
  await db.update(copyEvents).set({ countedForPayout: true }).where(eq(copyEvents.id, params.copyEventId));
}

export async function insertPendingCredit(
  db: Executor,
  params: {
    creatorId: string;
    copyEventId: string;
    subscriberId: string;
    subscriptionId: string;
    periodStart: Date;
    periodEnd: Date;
    amountCents: number;
  },
) {
  await db.insert(creatorCredits).values({ ...params, status: "pending" });
}

/** The flow's denormalised counters and its per-day row, as increments (no read-modify-write). */
export async function bumpFlowCopyCounters(db: Executor, params: { flowId: string; now: Date }) {
  await db
    .update(flows)
    // updated_at is kept as is: a copy is not an edit of the flow (the API's updatedAt must not move).
    .set({
      copyCount: sql`${flows.copyCount} + 1`,
      recentCopyCount: sql`${flows.recentCopyCount} + 1`,
      updatedAt: sql`${flows.updatedAt}`,
    })
    .where(eq(flows.id, params.flowId));
  await db
    .insert(flowCopyDays)
    .values({ flowId: params.flowId, day: params.now.toISOString().slice(0, 10), copies: 1 })
    .onConflictDoUpdate({
      target: [flowCopyDays.flowId, flowCopyDays.day],
      set: { copies: sql`${flowCopyDays.copies} + 1` },
    });
}
