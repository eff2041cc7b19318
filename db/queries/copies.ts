import { and, eq, sql } from "drizzle-orm";
import { copyEvents, copyPeriodUsage, flows, tenantMembers } from "../schema";
import type { CopySource } from "../schema";
import { queryRows, queryRowsPrepared } from "../rows";
import type { Executor } from "../types";

/**
 * The flow a copy is for, with the premium text (returned to the caller only after the checks) and whether
 * the copier shares a tenant (personal or team) with its creator, in one round trip.
 */
export async function getFlowForCopy(db: Executor, params: { slug: string; userId: string }) {
  const [flow] = await db
    .select({
      id: flows.id,
      status: flows.status,
      isPremium: flows.isPremium,
      creatorId: flows.creatorId,
      promptText: flows.promptText,
      sharesTenantWithCreator: sql<boolean>`(${flows.creatorId} = ${params.userId} or exists (
        select 1 from ${tenantMembers} a join ${tenantMembers} b on b.tenant_id = a.tenant_id
        where a.user_id = ${params.userId} and b.user_id = ${flows.creatorId}))`,
    })
    .from(flows)
    .where(eq(flows.slug, params.slug));
  return flow ?? null;
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

export async function ensurePeriodUsageRow(db: Executor, params: { userId: string; periodStart: Date; periodEnd: Date }) {
  await db.insert(copyPeriodUsage).values(params).onConflictDoNothing();
}

export type CopyWrite = {
  userId: string;
  tenantId: string;
  flowId: string;
  creatorId: string;
  subscriptionId: string | null;
  periodStart: Date;
  periodEnd: Date;
  source: CopySource;
  idempotencyKey: string | null;
  /** The copy may earn a credit (premium flow, paid plan, not a self-copy). */
  mayQualify: boolean;
  paidCap: number;
  /** Distinct copies allowed in the period (the trial's), or null for no limit. */
  copyLimit: number | null;
  creditCents: number;
  now: Date;
};

export type CopyWriteResult =
  | { outcome: "recorded"; copyEventId: string; counted: boolean; copies: number; paidCopies: number }
  | { outcome: "duplicate" }
  | { outcome: "limit_reached" };

/**
 * Records one distinct copy in a single statement (so it is atomic without a transaction round trip):
 *   old      locks the user's usage row for the period; concurrent copies by the same user queue here, and the
 *            locked row is the latest committed one, so the caps are decided on exact counts;
 *   decision whether the copy is allowed (the trial's limit) and whether it qualifies (paid cap not reached);
 *   ins      the (user, flow, period) row; the unique index turns a concurrent or repeat copy into no row;
 *   upd, credit, flow, day  happen only when ins inserted.
 * The usage row must exist before (ensurePeriodUsageRow), so `old` always finds it.
 */
export async function writeCopy(db: Executor, p: CopyWrite): Promise<CopyWriteResult> {
  const periodStart = p.periodStart.toISOString();
  const periodEnd = p.periodEnd.toISOString();
  const now = p.now.toISOString();
  const day = now.slice(0, 10);
  const rows = await queryRowsPrepared<{ id: string | null; counted: boolean; allowed: boolean; copies: number; paid_copies: number }>(
    db,
    sql`
    with old as (
      select copies, paid_copies from copy_period_usage
      where user_id = ${p.userId}::uuid and period_start = ${periodStart}::timestamptz
      for update
    ),
    decision as (
      select (${p.copyLimit}::int is null or copies < ${p.copyLimit}::int) as allowed,
             (${p.mayQualify}::boolean and paid_copies < ${p.paidCap}::int) as counted,
             copies, paid_copies
      from old
    ),
    ins as (
      insert into copy_events (user_id, tenant_id, flow_id, creator_id, subscription_id, period_start, period_end,
                               counted_for_payout, source, idempotency_key, created_at)
      select ${p.userId}::uuid, ${p.tenantId}::uuid, ${p.flowId}::uuid, ${p.creatorId}::uuid, ${p.subscriptionId}::uuid,
             ${periodStart}::timestamptz, ${periodEnd}::timestamptz, decision.counted, ${p.source}::text,
             ${p.idempotencyKey}::text, ${now}::timestamptz
      from decision where decision.allowed
      on conflict (user_id, flow_id, period_start) do nothing
      returning id, counted_for_payout
    ),
    upd as (
      update copy_period_usage u
      set copies = u.copies + 1,
          paid_copies = u.paid_copies + case when ins.counted_for_payout then 1 else 0 end,
          updated_at = ${now}::timestamptz
      from ins
      where u.user_id = ${p.userId}::uuid and u.period_start = ${periodStart}::timestamptz
      returning u.copies, u.paid_copies
    ),
    credit as (
      insert into creator_credits (creator_id, copy_event_id, subscriber_id, subscription_id, period_start, period_end,
                                   amount_cents, status)
      select ${p.creatorId}::uuid, ins.id, ${p.userId}::uuid, ${p.subscriptionId}::uuid, ${periodStart}::timestamptz,
             ${periodEnd}::timestamptz,
             ${p.creditCents}::int, 'pending'
      from ins where ins.counted_for_payout
    ),
    flow as (
      update flows set copy_count = copy_count + 1, recent_copy_count = recent_copy_count + 1
      where id = ${p.flowId}::uuid and exists (select 1 from ins)
    ),
    copy_day as (
      insert into flow_copy_days (flow_id, day, copies)
      select ${p.flowId}::uuid, ${day}::date, 1 from ins
      on conflict (flow_id, day) do update set copies = flow_copy_days.copies + 1
    )
    select ins.id, coalesce(ins.counted_for_payout, false) as counted, decision.allowed,
           coalesce(upd.copies, decision.copies) as copies, coalesce(upd.paid_copies, decision.paid_copies) as paid_copies
    from decision left join ins on true left join upd on true`,
  );
  const row = rows[0];
  if (!row) throw new Error("copy_period_usage row missing: call ensurePeriodUsageRow first");
  if (!row.allowed) return { outcome: "limit_reached" };
  if (!row.id) return { outcome: "duplicate" };
  return { outcome: "recorded", copyEventId: row.id, counted: row.counted, copies: row.copies, paidCopies: row.paid_copies };
}
