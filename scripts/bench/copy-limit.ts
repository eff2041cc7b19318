// "The limit" of the copy benchmarks: a whole premium copy as ONE prepared SQL statement sent straight through
// postgres.js, with no HTTP, no session and no application code around it. It does the database work a copy
// needs (per-minute rate bucket, flow by slug, the subscription's period, the period usage row locked, the
// (user, flow, period) row, counters, the 7c credit, the flow's counters and daily bucket) in one round trip,
// the same writes as db/queries/copies.ts `writeCopy`, so the HTTP path is compared with what PostgreSQL itself
// can do on this machine. The usage row of the period must exist (the world builder creates it).
import type postgres from "postgres";

const ONE_STATEMENT_COPY = `
with rate as (
  insert into rate_limit_buckets (key, window_start, count)
  values ('copy:user:' || $1::text, $3::timestamptz, 1)
  on conflict (key, window_start) do update set count = rate_limit_buckets.count + 1
  returning count
),
f as (
  select id, creator_id, is_premium, prompt_text from flows where slug = $2::text and status = 'published'
),
s as (
  select s.id, s.tenant_id, s.status, s.current_period_start as ps, s.current_period_end as pe
  from tenant_members m join subscriptions s on s.tenant_id = m.tenant_id
  where m.user_id = $1::uuid and s.status in ('trialing', 'active', 'past_due')
  order by s.current_period_end desc limit 1
),
old as (
  select u.copies, u.paid_copies from copy_period_usage u join s on u.period_start = s.ps
  where u.user_id = $1::uuid
  for update of u
),
decision as (
  select (select count from rate) <= 120 as allowed,
         (f.is_premium and s.status = 'active' and f.creator_id <> $1::uuid and old.paid_copies < 100) as counted,
         f.id as flow_id, f.creator_id, s.id as subscription_id, s.tenant_id, s.ps, s.pe
  from old, s, f
),
ins as (
  insert into copy_events (user_id, tenant_id, flow_id, creator_id, subscription_id, period_start, period_end,
                           counted_for_payout, source, created_at)
  select $1::uuid, d.tenant_id, d.flow_id, d.creator_id, d.subscription_id, d.ps, d.pe, d.counted, 'api', $4::timestamptz
  from decision d where d.allowed
  on conflict (user_id, flow_id, period_start) do nothing
  returning id, counted_for_payout, flow_id, creator_id, subscription_id, period_start, period_end
),
upd as (
  update copy_period_usage u
  set copies = u.copies + 1, paid_copies = u.paid_copies + case when ins.counted_for_payout then 1 else 0 end,
      updated_at = $4::timestamptz
  from ins where u.user_id = $1::uuid and u.period_start = ins.period_start
  returning u.copies, u.paid_copies
),
credit as (
  insert into creator_credits (creator_id, copy_event_id, subscriber_id, subscription_id, period_start, period_end,
                               amount_cents, status)
  select ins.creator_id, ins.id, $1::uuid, ins.subscription_id, ins.period_start, ins.period_end, 7, 'pending'
  from ins where ins.counted_for_payout
),
flow as (
  update flows set copy_count = copy_count + 1, recent_copy_count = recent_copy_count + 1
  where id = (select flow_id from ins)
),
copy_day as (
  insert into flow_copy_days (flow_id, day, copies)
  select ins.flow_id, $4::timestamptz::date, 1 from ins
  on conflict (flow_id, day) do update set copies = flow_copy_days.copies + 1
)
select ins.id, ins.counted_for_payout as counted, f.prompt_text, upd.copies, upd.paid_copies
from f left join ins on true left join upd on true`;

/** One copy as one statement; resolves true when it recorded a qualifying copy. */
export async function oneStatementCopy(sql: postgres.Sql, userId: string, slug: string): Promise<boolean> {
  const now = Date.now();
  const windowStart = new Date(now - (now % 60_000)).toISOString();
  const rows = await sql.unsafe<Array<{ id: string | null; counted: boolean | null }>>(
    ONE_STATEMENT_COPY,
    [userId, slug, windowStart, new Date(now).toISOString()],
    { prepare: true },
  );
  return rows[0]?.id != null && rows[0].counted === true;
}
