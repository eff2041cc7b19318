import { sql, type SQL } from "drizzle-orm";
import { queryRows } from "../rows";
import type { Executor } from "../types";

// A creator's earnings, read from the ledger (creator_credits) and payouts. Every query names the creator in its
// own WHERE clause, in every subquery: no caller can forget the scope. All money is integer cents; sums come
// back as bigint (a string from postgres.js) and are turned into numbers by `cents()`.
//
// The rules, one place:
// - "live" credits are the ones that still count: pending, earned, paid_out. void (the period was never paid)
//   and reversed (refund or dispute) are excluded from every "earned" figure.
// - available = earned credits not yet in any payout, minus credits reversed after a paid payout paid them whose
//   deduction no payout has taken yet: exactly what the next run would pay (before the $10 threshold). A reversal
//   of a credit whose payout is not paid yet waits, as in the run: that payout still transfers it. It can be
//   negative (a negative carry-forward).
// - pending = credits whose period's invoice is not paid yet.
// - lifetime paid = the sum of paid payouts (payout amounts are already net of deductions).
// - this month / months / daily / per flow bucket credits by when the qualifying copy happened (UTC).

const LIVE = sql.raw(`('pending', 'earned', 'paid_out')`);

/** A bigint/numeric/int from either driver as a JS number (safe: cents stay far below 2^53). */
export function cents(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return Number(typeof value === "bigint" ? value.toString() : value);
}

function isoTimestamp(date: Date): SQL {
  return sql`${date.toISOString()}::timestamptz`;
}

export type EarningsSummary = {
  availableCents: number;
  pendingCents: number;
  lifetimePaidCents: number;
  thisMonthCents: number;
  /** Earned credits already inside a payout that is not paid yet (pending, processing or failed). */
  inPayoutCents: number;
  /** Credits reversed after a paid payout paid them, still to be deducted (already subtracted from available). */
  owedBackCents: number;
};

export async function getEarningsSummary(
  db: Executor,
  params: { creatorId: string; now?: Date },
): Promise<EarningsSummary> {
  const now = isoTimestamp(params.now ?? new Date());
  const [credits] = await queryRows<Record<string, unknown>>(
    db,
    sql`
      select
        coalesce(sum(c.amount_cents) filter (where c.status = 'earned' and c.payout_id is null), 0) as earned_unpaid,
        coalesce(sum(c.amount_cents) filter (where c.status = 'earned' and c.payout_id is not null), 0) as in_payout,
        coalesce(sum(c.amount_cents) filter (
          where c.status = 'reversed' and c.payout_id is not null and c.deducted_in_payout_id is null
            and p.status = 'paid'), 0) as owed_back,
        coalesce(sum(c.amount_cents) filter (where c.status = 'pending'), 0) as pending,
        coalesce(sum(c.amount_cents) filter (
          where c.status in ${LIVE}
            and c.created_at >= (date_trunc('month', ${now} at time zone 'UTC') at time zone 'UTC')
            and c.created_at < ((date_trunc('month', ${now} at time zone 'UTC') + interval '1 month') at time zone 'UTC')
        ), 0) as this_month
      from creator_credits c
      left join payouts p on p.id = c.payout_id
      where c.creator_id = ${params.creatorId}`,
  );
  const [paid] = await queryRows<Record<string, unknown>>(
    db,
    sql`select coalesce(sum(amount_cents), 0) as paid from payouts where creator_id = ${params.creatorId} and status = 'paid'`,
  );
  const owedBack = cents(credits?.owed_back);
  return {
    availableCents: cents(credits?.earned_unpaid) - owedBack,
    pendingCents: cents(credits?.pending),
    lifetimePaidCents: cents(paid?.paid),
    thisMonthCents: cents(credits?.this_month),
    inPayoutCents: cents(credits?.in_payout),
    owedBackCents: owedBack,
  };
}

/**
 * A month's status, from its live credits: `none` (no live credit), `pending`, `earned` (confirmed, not yet
 * paid out: available or inside a payout), `paid` (all paid out), or `mixed` (more than one of those).
 */
export type MonthStatus = "none" | "pending" | "earned" | "paid" | "mixed";

export type EarningsMonth = {
  /** YYYY-MM (UTC) of the qualifying copies. */
  month: string;
  /** Live credits: one per qualifying copy that still counts. */
  qualifyingCopies: number;
  /** Sum of the live credits (pending + earned + paid out). */
  earnedCents: number;
  status: MonthStatus;
  pendingCents: number;
  paidOutCents: number;
  /** Void and reversed credits of the month: shown, never counted. */
  voidCents: number;
  reversedCents: number;
};

function monthStatus(counts: { pending: number; earned: number; paidOut: number }): MonthStatus {
  const kinds = [counts.pending > 0, counts.earned > 0, counts.paidOut > 0].filter(Boolean).length;
  if (kinds === 0) return "none";
  if (kinds > 1) return "mixed";
  if (counts.pending > 0) return "pending";
  return counts.earned > 0 ? "earned" : "paid";
}

/**
 * Every month from the creator's first credit to the current one (zero-filled), newest first. Empty for a
 * creator who never earned a credit.
 */
export async function listEarningsMonths(
  db: Executor,
  params: { creatorId: string; now?: Date },
): Promise<EarningsMonth[]> {
  const now = isoTimestamp(params.now ?? new Date());
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
      with bounds as (
        select date_trunc('month', min(created_at) at time zone 'UTC') as first_month,
               greatest(date_trunc('month', max(created_at) at time zone 'UTC'),
                        date_trunc('month', ${now} at time zone 'UTC')) as last_month
        from creator_credits
        where creator_id = ${params.creatorId}
      ),
      months as (
        select m as month_start
        from bounds, generate_series(bounds.first_month, bounds.last_month, interval '1 month') as m
        where bounds.first_month is not null
      )
      select
        to_char(months.month_start, 'YYYY-MM') as month,
        count(c.id) filter (where c.status in ${LIVE}) as qualifying,
        coalesce(sum(c.amount_cents) filter (where c.status in ${LIVE}), 0) as live_cents,
        count(c.id) filter (where c.status = 'pending') as pending_n,
        count(c.id) filter (where c.status = 'earned') as earned_n,
        count(c.id) filter (where c.status = 'paid_out') as paid_n,
        coalesce(sum(c.amount_cents) filter (where c.status = 'pending'), 0) as pending_cents,
        coalesce(sum(c.amount_cents) filter (where c.status = 'paid_out'), 0) as paid_cents,
        coalesce(sum(c.amount_cents) filter (where c.status = 'void'), 0) as void_cents,
        coalesce(sum(c.amount_cents) filter (where c.status = 'reversed'), 0) as reversed_cents
      from months
      left join creator_credits c
        on c.creator_id = ${params.creatorId}
       and c.created_at >= (months.month_start at time zone 'UTC')
       and c.created_at < ((months.month_start + interval '1 month') at time zone 'UTC')
      group by months.month_start
      order by months.month_start desc`,
  );
  return rows.map((r) => ({
    month: String(r.month),
    qualifyingCopies: cents(r.qualifying),
    earnedCents: cents(r.live_cents),
    status: monthStatus({ pending: cents(r.pending_n), earned: cents(r.earned_n), paidOut: cents(r.paid_n) }),
    pendingCents: cents(r.pending_cents),
    paidOutCents: cents(r.paid_cents),
    voidCents: cents(r.void_cents),
    reversedCents: cents(r.reversed_cents),
  }));
}

export type PayoutRow = {
  id: string;
  /** The month whose earnings it pays (YYYY-MM). */
  month: string;
  amountCents: number;
  status: "pending" | "processing" | "paid" | "failed";
  paidAt: Date | null;
  /** Why the last transfer attempt failed (or the transfer was reversed); null when nothing went wrong. */
  failureReason: string | null;
  attempts: number;
  nextAttemptAt: Date | null;
  needsAdmin: boolean;
  stripeTransferId: string | null;
};

/** The creator's payouts, newest month first. */
export async function listPayouts(db: Executor, params: { creatorId: string }): Promise<PayoutRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
      select id, month, amount_cents, status, attempts, needs_admin, stripe_transfer_id,
             to_char(paid_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as paid_at,
             to_char(next_attempt_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as next_attempt_at,
             last_error
      from payouts
      where creator_id = ${params.creatorId}
      order by month desc`,
  );
  return rows.map((r) => {
    const status = String(r.status) as PayoutRow["status"];
    const needsAdmin = Boolean(r.needs_admin);
    const lastError = r.last_error === null || r.last_error === undefined ? null : String(r.last_error);
    return {
      id: String(r.id),
      month: String(r.month),
      amountCents: cents(r.amount_cents),
      status,
      paidAt: r.paid_at ? new Date(String(r.paid_at)) : null,
      // A paid payout keeps no stale error from an earlier attempt, unless an admin must look at it.
      failureReason: status === "failed" || needsAdmin ? lastError : null,
      attempts: cents(r.attempts),
      nextAttemptAt: r.next_attempt_at ? new Date(String(r.next_attempt_at)) : null,
      needsAdmin,
      stripeTransferId: r.stripe_transfer_id ? String(r.stripe_transfer_id) : null,
    };
  });
}

export const SERIES_DAYS = [30, 90, 365] as const;
export type SeriesDays = (typeof SERIES_DAYS)[number];

export type DailyPoint = { day: string; qualifyingCopies: number; earnedCents: number };

/** One row per UTC day for the last `days` days up to today (zero-filled), oldest first. */
export async function dailySeries(
  db: Executor,
  params: { creatorId: string; days: SeriesDays; now?: Date },
): Promise<DailyPoint[]> {
  if (!SERIES_DAYS.includes(params.days)) throw new Error(`dailySeries: days must be one of ${SERIES_DAYS.join(", ")}`);
  const now = isoTimestamp(params.now ?? new Date());
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
      with days as (
        select d::timestamp as day_start
        from generate_series(
          ((${now} at time zone 'UTC')::date - ${params.days - 1}::int)::timestamp,
          (${now} at time zone 'UTC')::date::timestamp,
          interval '1 day'
        ) as d
      )
      select
        to_char(days.day_start, 'YYYY-MM-DD') as day,
        count(c.id) as qualifying,
        coalesce(sum(c.amount_cents), 0) as live_cents
      from days
      left join creator_credits c
        on c.creator_id = ${params.creatorId}
       and c.status in ${LIVE}
       and c.created_at >= (days.day_start at time zone 'UTC')
       and c.created_at < ((days.day_start + interval '1 day') at time zone 'UTC')
      group by days.day_start
      order by days.day_start`,
  );
  return rows.map((r) => ({
    day: String(r.day),
    qualifyingCopies: cents(r.qualifying),
    earnedCents: cents(r.live_cents),
  }));
}

export const FLOW_SORTS = ["title", "copies", "qualifying", "earnings"] as const;
export type FlowSort = (typeof FLOW_SORTS)[number];
export type SortDir = "asc" | "desc";

// Whitelisted ORDER BY expressions: the sort key picks one of these, never text from the request.
const FLOW_SORT_SQL: Record<FlowSort, string> = {
  title: "lower(f.title)",
  copies: "copies",
  qualifying: "qualifying",
  earnings: "live_cents",
};

export type FlowStats = {
  flowId: string;
  slug: string;
  title: string;
  status: "draft" | "published" | "unpublished";
  isPremium: boolean;
  /** Every recorded copy of the flow (distinct per user and period), qualifying or not. */
  copies: number;
  /** Copies whose credit still counts (pending, earned, paid out). */
  qualifyingCopies: number;
  /** Sum of those credits. */
  earnedCents: number;
  /** The part of earnedCents still pending. */
  pendingCents: number;
};

/** Copies and earnings per flow of the creator: every non-draft flow, and any draft that was ever copied. */
export async function perFlowStats(
  db: Executor,
  params: { creatorId: string; sort?: FlowSort; dir?: SortDir },
): Promise<FlowStats[]> {
  const sort = FLOW_SORTS.includes(params.sort as FlowSort) ? (params.sort as FlowSort) : "earnings";
  const dir = params.dir === "asc" ? "asc" : "desc";
  const orderBy = sql.raw(`${FLOW_SORT_SQL[sort]} ${dir}, lower(f.title) asc, f.id asc`);
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
      with copies as (
        select flow_id, count(*) as copies
        from copy_events
        where creator_id = ${params.creatorId}
        group by flow_id
      ),
      credits as (
        select e.flow_id,
               count(*) filter (where c.status in ${LIVE}) as qualifying,
               coalesce(sum(c.amount_cents) filter (where c.status in ${LIVE}), 0) as live_cents,
               coalesce(sum(c.amount_cents) filter (where c.status = 'pending'), 0) as pending_cents
        from creator_credits c
        join copy_events e on e.id = c.copy_event_id and e.creator_id = ${params.creatorId}
        where c.creator_id = ${params.creatorId}
        group by e.flow_id
      )
      select f.id, f.slug, f.title, f.status, f.is_premium,
             coalesce(copies.copies, 0) as copies,
             coalesce(credits.qualifying, 0) as qualifying,
             coalesce(credits.live_cents, 0) as live_cents,
             coalesce(credits.pending_cents, 0) as pending_cents
      from flows f
      left join copies on copies.flow_id = f.id
      left join credits on credits.flow_id = f.id
      where f.creator_id = ${params.creatorId}
        and (f.status <> 'draft' or copies.copies is not null)
      order by ${orderBy}`,
  );
  return rows.map((r) => ({
    flowId: String(r.id),
    slug: String(r.slug),
    title: String(r.title),
    status: String(r.status) as FlowStats["status"],
    isPremium: Boolean(r.is_premium),
    copies: cents(r.copies),
    qualifyingCopies: cents(r.qualifying),
    earnedCents: cents(r.live_cents),
    pendingCents: cents(r.pending_cents),
  }));
}

/** Whether the creator has anything to show: a flow (any status) or a credit. */
export async function hasCreatorActivity(db: Executor, params: { creatorId: string }): Promise<boolean> {
  const [row] = await queryRows<{ any: unknown }>(
    db,
    sql`select (exists (select 1 from flows where creator_id = ${params.creatorId})
             or exists (select 1 from creator_credits where creator_id = ${params.creatorId})
             or exists (select 1 from payouts where creator_id = ${params.creatorId})) as any`,
  );
  return row?.any === true || row?.any === "t";
}
