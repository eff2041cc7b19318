import { and, eq, sql } from "drizzle-orm";
import { copyEvents, copyPeriodUsage, subscriptionPeriodUsage } from "../schema";
import type { CopySource, Subscription } from "../schema";
import type { UserSubscriptionRow } from "./subscriptions";
import { holdsSeatSql } from "./seats";
import { oneRow, queryRowsPrepared } from "../rows";
import type { Executor } from "../types";

/** The copy a request with this Idempotency-Key recorded in this period (a key is scoped to its period). */
export async function findCopyByIdempotencyKey(
  db: Executor,
  params: { userId: string; periodStart: Date; idempotencyKey: string },
) {
  const [row] = await db
    .select()
    .from(copyEvents)
    .where(
      and(
        eq(copyEvents.userId, params.userId),
        eq(copyEvents.periodStart, params.periodStart),
        eq(copyEvents.idempotencyKey, params.idempotencyKey),
      ),
    );
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

export async function ensurePeriodUsageRow(
  db: Executor,
  params: { userId: string; periodStart: Date; periodEnd: Date; poolSubscriptionId?: string | null },
) {
  const { poolSubscriptionId, ...row } = params;
  await db.insert(copyPeriodUsage).values(row).onConflictDoNothing();
  if (poolSubscriptionId) {
    await db
      .insert(subscriptionPeriodUsage)
      .values({ subscriptionId: poolSubscriptionId, periodStart: row.periodStart, periodEnd: row.periodEnd })
      .onConflictDoNothing();
  }
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
  /**
   * Qualifying copies of the whole subscription in the period (a team: 100 per seat, shared by its members), or
   * null when the user's own cap is the only one (a personal plan). Needs subscriptionId.
   */
  poolCap: number | null;
  /** Distinct copies allowed in the period (the trial's), or null for no limit. */
  copyLimit: number | null;
  creditCents: number;
  now: Date;
};

export type CopyWriteResult =
  | {
      outcome: "recorded";
      copyEventId: string;
      counted: boolean;
      /** The credit written for a counted copy: earned at once when its period is already paid. */
      creditStatus: "pending" | "earned" | "void" | null;
      copies: number;
      paidCopies: number;
    }
  | { outcome: "duplicate" }
  | { outcome: "limit_reached" }
  /**
   * The period's usage row (for a team's qualifying copy, its pool row too; for a copy that may earn a credit, its
   * credit_periods row) does not exist yet: create them (ensurePeriodUsageRow, ensureCreditPeriod) and write again.
   */
  | { outcome: "rows_missing" };

/**
 * Records one distinct copy in a single statement (so it is atomic without a transaction round trip):
 *   old      locks the user's usage row for the period; concurrent copies by the same user queue here, and the
 *            locked row is the latest committed one, so the caps are decided on exact counts;
 *   pool     for a team, then locks the subscription's pool row for the period the same way (always after `old`, so
 *            two members' copies never wait on each other in opposite orders);
 *   period   for a copy that may earn a credit, locks the subscription period's credit_periods row (what its
 *            payment funds); the lifecycle locks it too when it settles the period, so the credit is written
 *            against the latest payment state: earned at once in a paid period with funding left (Stripe bills in
 *            advance, so this is the usual case), pending in an unpaid one, void when the payment does not fund it;
 *   decision whether the copy is allowed (the trial's limit) and whether it qualifies (paid caps not reached);
 *   ins      the (user, flow, period) row; the unique index turns a concurrent or repeat copy into no row;
 *   upd, pool_upd, credit, funded, flow, day  happen only when ins inserted.
 * Without the period's rows nothing is written (outcome rows_missing): the first copy of a period creates them and
 * writes again, so `old`, `pool` and `period` always lock existing rows.
 */
export async function writeCopy(db: Executor, p: CopyWrite): Promise<CopyWriteResult> {
  const periodStart = p.periodStart.toISOString();
  const periodEnd = p.periodEnd.toISOString();
  const now = p.now.toISOString();
  const day = now.slice(0, 10);
  const rows = await queryRowsPrepared<{
    id: string | null;
    counted: boolean;
    credit_status: "pending" | "earned" | "void" | null;
    allowed: boolean;
    rows_known: boolean;
    copies: number;
    paid_copies: number;
  }>(
    db,
    sql`
    with old as (
      select copies, paid_copies from copy_period_usage
      where user_id = ${p.userId}::uuid and period_start = ${periodStart}::timestamptz
      for update
    ),
    pool as (
      select paid_copies from subscription_period_usage
      where ${p.poolCap}::int is not null and subscription_id = ${p.subscriptionId}::uuid
        and period_start = ${periodStart}::timestamptz and exists (select 1 from old)
      for update
    ),
    period as (
      select state, invoice_id, funded_cents, credited_cents from credit_periods
      where ${p.mayQualify}::boolean and subscription_id = ${p.subscriptionId}::uuid
        and period_start = ${periodStart}::timestamptz and exists (select 1 from old)
      for update
    ),
    decision as (
      select (${p.copyLimit}::int is null or old.copies < ${p.copyLimit}::int) as allowed,
             (${p.mayQualify}::boolean and old.paid_copies < ${p.paidCap}::int
              and (${p.poolCap}::int is null or pool.paid_copies < ${p.poolCap}::int)) as counted,
             ((not ${p.mayQualify}::boolean or exists (select 1 from period))
              and not (${p.poolCap}::int is not null and pool.paid_copies is null)) as rows_known,
             old.copies, old.paid_copies
      from old left join pool on true
    ),
    ins as (
      insert into copy_events (user_id, tenant_id, flow_id, creator_id, subscription_id, period_start, period_end,
                               counted_for_payout, source, idempotency_key, created_at)
      select ${p.userId}::uuid, ${p.tenantId}::uuid, ${p.flowId}::uuid, ${p.creatorId}::uuid, ${p.subscriptionId}::uuid,
             ${periodStart}::timestamptz, ${periodEnd}::timestamptz, decision.counted, ${p.source}::text,
             ${p.idempotencyKey}::text, ${now}::timestamptz
      from decision where decision.allowed and decision.rows_known
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
    pool_upd as (
      update subscription_period_usage u
      set paid_copies = u.paid_copies + 1, updated_at = ${now}::timestamptz
      from ins
      where ins.counted_for_payout and u.subscription_id = ${p.subscriptionId}::uuid
        and u.period_start = ${periodStart}::timestamptz
    ),
    credit as (
      insert into creator_credits (creator_id, copy_event_id, subscriber_id, subscription_id, period_start, period_end,
                                   amount_cents, status, invoice_id, earned_at, created_at, updated_at)
      select ${p.creatorId}::uuid, ins.id, ${p.userId}::uuid, ${p.subscriptionId}::uuid, ${periodStart}::timestamptz,
             ${periodEnd}::timestamptz, ${p.creditCents}::int, s.status,
             case when s.status = 'earned' then period.invoice_id end,
             case when s.status = 'earned' then ${now}::timestamptz end,
             ${now}::timestamptz, ${now}::timestamptz
      from ins
      cross join period
      cross join lateral (
        select case
          when period.state = 'paid' and period.credited_cents + ${p.creditCents}::int <= period.funded_cents
            then 'earned'
          when period.state = 'unpaid' then 'pending'
          else 'void'
        end as status
      ) s
      where ins.counted_for_payout
      returning status, amount_cents
    ),
    funded as (
      update credit_periods cp
      set credited_cents = cp.credited_cents + credit.amount_cents, updated_at = ${now}::timestamptz
      from credit
      where credit.status in ('pending', 'earned')
        and cp.subscription_id = ${p.subscriptionId}::uuid and cp.period_start = ${periodStart}::timestamptz
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
    select ins.id, coalesce(ins.counted_for_payout, false) as counted, (select status from credit) as credit_status,
           decision.allowed, decision.rows_known,
           coalesce(upd.copies, decision.copies) as copies, coalesce(upd.paid_copies, decision.paid_copies) as paid_copies
    from decision left join ins on true left join upd on true`,
  );
  const row = rows[0];
  if (!row || !row.rows_known) return { outcome: "rows_missing" };
  if (!row.allowed) return { outcome: "limit_reached" };
  if (!row.id) return { outcome: "duplicate" };
  return {
    outcome: "recorded",
    copyEventId: row.id,
    counted: row.counted,
    creditStatus: row.credit_status,
    copies: row.copies,
    paidCopies: row.paid_copies,
  };
}

type SubscriptionJson = {
  id: string;
  tenant_id: string;
  tenant_kind: "personal" | "team";
  tenant_name: string;
  role: "owner" | "admin" | "member";
  seated: boolean;
  stripe_subscription_id: string;
  stripe_customer_id: string;
  stripe_price_id: string;
  status: Subscription["status"];
  quantity: number;
  unit_amount_cents: number;
  current_period_start: string;
  current_period_end: string;
  cancel_at_period_end: boolean;
  canceled_at: string | null;
  trial_start: string | null;
  trial_end: string | null;
  ended_at: string | null;
  stripe_synced_at: string;
  created_at: string;
  updated_at: string;
};

/** The flow's columns of the copy context: all null when no flow has the slug (the left join), all set when one does. */
type CopyContextFlow =
  | {
      flow_id: string;
      status: string;
      is_premium: boolean;
      creator_id: string;
      prompt_text: string;
      shares_tenant: boolean;
    }
  | { flow_id: null; status: null; is_premium: null; creator_id: null; prompt_text: null; shares_tenant: null };

const date = (value: string) => new Date(value);
const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

/**
 * Everything a copy decision reads, in one prepared statement: the flow (with whether the copier shares a tenant
 * with its creator), one hit on the copier's per-minute rate bucket, whether the copier's user row still exists,
 * the copier's personal tenant and every subscription of every tenant they belong to, with whether they hold one of
 * its seats: the same rows as
 * listSubscriptionsForUser (a test keeps them equal), which lib/entitlements.ts resolves.
 */
export async function loadCopyContext(
  db: Executor,
  params: { slug: string; userId: string; rateKey: string; rateWindowStart: Date },
) {
  const rows = await queryRowsPrepared<
    {
      rate_count: number;
      user_exists: boolean;
      personal_tenant_id: string | null;
      subscriptions: SubscriptionJson[] | string;
    } & CopyContextFlow
  >(
    db,
    sql`
    with rate as (
      insert into rate_limit_buckets (key, window_start, count)
      values (${params.rateKey}::text, ${params.rateWindowStart.toISOString()}::timestamptz, 1)
      on conflict (key, window_start) do update set count = rate_limit_buckets.count + 1
      returning count
    ),
    flow as (
      select f.id, f.status, f.is_premium, f.creator_id, f.prompt_text,
             (f.creator_id = ${params.userId}::uuid or exists (
               select 1 from tenant_members a join tenant_members b on b.tenant_id = a.tenant_id
               where a.user_id = ${params.userId}::uuid and b.user_id = f.creator_id)) as shares_tenant
      from flows f where f.slug = ${params.slug}::text
    )
    select (select count from rate) as rate_count,
           exists (select 1 from users where id = ${params.userId}::uuid) as user_exists,
           (select id from tenants where personal_owner_id = ${params.userId}::uuid) as personal_tenant_id,
           (select coalesce(json_agg(json_build_object(
              'id', s.id, 'tenant_id', s.tenant_id, 'tenant_kind', t.kind, 'tenant_name', t.name, 'role', m.role,
              'seated', ${holdsSeatSql("m", "s")},
              'stripe_subscription_id', s.stripe_subscription_id, 'stripe_customer_id', s.stripe_customer_id,
              'stripe_price_id', s.stripe_price_id, 'status', s.status, 'quantity', s.quantity,
              'unit_amount_cents', s.unit_amount_cents, 'current_period_start', s.current_period_start,
              'current_period_end', s.current_period_end, 'cancel_at_period_end', s.cancel_at_period_end,
              'canceled_at', s.canceled_at, 'trial_start', s.trial_start, 'trial_end', s.trial_end,
              'ended_at', s.ended_at, 'stripe_synced_at', s.stripe_synced_at, 'created_at', s.created_at,
              'updated_at', s.updated_at) order by s.current_period_end desc), '[]'::json)
            from tenant_members m join tenants t on t.id = m.tenant_id join subscriptions s on s.tenant_id = t.id
            where m.user_id = ${params.userId}::uuid) as subscriptions,
           flow.id as flow_id, flow.status, flow.is_premium, flow.creator_id, flow.prompt_text, flow.shares_tenant
    from (select 1) as one left join flow on true`,
  );
  const row = oneRow(rows, "copy context");
  const subs = (
    typeof row.subscriptions === "string" ? JSON.parse(row.subscriptions) : row.subscriptions
  ) as SubscriptionJson[];
  const subscriptionRows: UserSubscriptionRow[] = subs.map((s) => ({
    tenantKind: s.tenant_kind,
    tenantName: s.tenant_name,
    role: s.role,
    seated: s.seated,
    subscription: {
      id: s.id,
      tenantId: s.tenant_id,
      stripeSubscriptionId: s.stripe_subscription_id,
      stripeCustomerId: s.stripe_customer_id,
      stripePriceId: s.stripe_price_id,
      status: s.status,
      quantity: s.quantity,
      unitAmountCents: s.unit_amount_cents,
      currentPeriodStart: date(s.current_period_start),
      currentPeriodEnd: date(s.current_period_end),
      cancelAtPeriodEnd: s.cancel_at_period_end,
      canceledAt: dateOrNull(s.canceled_at),
      trialStart: dateOrNull(s.trial_start),
      trialEnd: dateOrNull(s.trial_end),
      endedAt: dateOrNull(s.ended_at),
      stripeSyncedAt: date(s.stripe_synced_at),
      createdAt: date(s.created_at),
      updatedAt: date(s.updated_at),
    },
  }));
  return {
    rateCount: Number(row.rate_count),
    /** False when the user was deleted: the copy route reads the session without the users table (lib/auth/actor.ts). */
    userExists: row.user_exists,
    personalTenantId: row.personal_tenant_id,
    subscriptions: subscriptionRows,
    flow: row.flow_id
      ? {
          id: row.flow_id,
          status: row.status,
          isPremium: row.is_premium,
          creatorId: row.creator_id,
          promptText: row.prompt_text,
          sharesTenantWithCreator: row.shares_tenant,
        }
      : null,
  };
}
