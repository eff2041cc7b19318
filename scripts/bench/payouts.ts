// npm run bench:payouts: the monthly payout run at scale, beside one SQL aggregate over the same rows.
//
// In a scratch database on the server of BENCH_DATABASE_URL or DATABASE_URL (dropped at the end) it writes
// --credits creator credits (default 1,000,000) over --creators creators (default 10,000), each credit with its copy
// event: 94% earned during the month, 4% pending, 1% void, 1% reversed unpaid, and for 200 creators 5 credits
// reversed after last month's paid payout (deductions). With --distribution zipf (default) creator k gets a share
// proportional to 1/k, as popularity goes, so about 700 creators reach the $10 threshold; with uniform every
// creator gets the same share (100 credits, $7: everyone carries forward). 90% of creators have an account that
// can receive transfers. Then it times:
//   - the aggregate: one statement summing every creator's payable credits (the floor for reading them),
//   - the attach floor: one UPDATE giving those credits a payout id, rolled back (the floor for the run's writes),
//   - runMonthlyPayouts for the month, with an in-process Stripe stand-in (no network; --stripe-latency-ms adds a
//     delay per Stripe call),
// and checks the run paid exactly what the aggregate says it should. Prints one JSON line per figure.
// Usage: BENCH_DATABASE_URL=postgres://... npm run bench:payouts -- [--credits 1000000] [--creators 10000]
//   [--distribution zipf|uniform] [--stripe-latency-ms 0] [--keep]
import os from "node:os";
import { parseArgs } from "node:util";
import type Stripe from "stripe";
import { connectPostgres } from "@/db/open";
import type { Db } from "@/db/types";
import { installJobQueues } from "@/lib/jobs/runtime";
import { monthBounds, previousMonth } from "@/lib/payouts/month";
import { runMonthlyPayouts } from "@/lib/payouts/run";
import { PAYOUT_THRESHOLD_CENTS } from "@/lib/plans";
import { benchServerUrl, createScratchDatabase } from "./scratch-db";

const { values } = parseArgs({
  options: {
    credits: { type: "string", default: "1000000" },
    creators: { type: "string", default: "10000" },
    distribution: { type: "string", default: "zipf" },
    "stripe-latency-ms": { type: "string", default: "0" },
    keep: { type: "boolean", default: false },
  },
});
const creditCount = Number(values.credits);
const creatorCount = Number(values.creators);
const latencyMs = Number(values["stripe-latency-ms"]);
const log = (msg: string) => console.error(`[bench:payouts] ${msg}`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

/** Credits per creator, summing to creditCount exactly. */
function shares(): number[] {
  const weights = Array.from({ length: creatorCount }, (_, i) => (values.distribution === "uniform" ? 1 : 1 / (i + 1)));
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((creditCount * w) / total));
  let left = creditCount - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % creatorCount, left--) counts[i]!++;
  return counts;
}

const scratch = await createScratchDatabase(benchServerUrl("bench:payouts"), "payouts");
const { client: sql, db: drizzleDb } = connectPostgres(scratch.url, { max: 10 });
const db = drizzleDb as unknown as Db;
// The job queue's tables: the run queues each paid payout's email as it does in production.
await installJobQueues(db, scratch.url);
const now = new Date();
const month = previousMonth(now);
const { start, end } = monthBounds(month);
const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const result = await fn();
  return [result, performance.now() - t0];
};

try {
  const [, loadMs] = await time(async () => {
    await sql`
      with u as (
        insert into users (email, name)
        select 'creator-' || k || '@bench.example', 'Creator ' || k from generate_series(1, ${creatorCount}::int) k
        returning id, name
      ), t as (
        insert into tenants (name, kind, personal_owner_id) select name, 'personal', id from u
        returning id, personal_owner_id
      )
      insert into flows (slug, title, summary, prompt_text, category, status, published_at, is_premium, creator_id, tenant_id)
      select 'bench-' || (row_number() over ()), 'Bench flow', 'Benchmark.', 'Prompt.', 'Testing', 'published', now(),
             true, personal_owner_id, id from t`;
    await sql`
      with u as (
        insert into users (email, name)
        select 'reader-' || k || '@bench.example', 'Reader ' || k from generate_series(1, ${creatorCount}::int) k
        returning id, name
      ), t as (
        insert into tenants (name, kind, personal_owner_id) select name, 'personal', id from u
        returning id, personal_owner_id
      )
      insert into subscriptions (tenant_id, stripe_subscription_id, stripe_customer_id, stripe_price_id, status,
                                 unit_amount_cents, current_period_start, current_period_end, stripe_synced_at)
      select id, 'sub_' || id, 'cus_' || id, 'price_bench', 'active', 1000, now() - interval '400 days',
             now() + interval '30 days', now() from t`;
    // Creators and readers numbered 0..n-1 in a stable order, with the credits each creator gets.
    await sql`
      create table bench_creators as
      select row_number() over (order by u.email) - 1 as k, u.id as creator_id, f.id as flow_id,
             (${shares()}::int[])[row_number() over (order by u.email)] as credits
      from users u join flows f on f.creator_id = u.id where u.email like 'creator-%'`;
    await sql`
      create table bench_readers as
      select row_number() over (order by u.email) - 1 as i, u.id as user_id, s.tenant_id, s.id as subscription_id
      from users u join tenants t on t.personal_owner_id = u.id join subscriptions s on s.tenant_id = t.id
      where u.email like 'reader-%'`;
    await sql`create unique index on bench_readers (i)`;
    // Copy g of creator c: reader g mod R in period p = g div R (31 days each, from 400 days before the month), so
    // (reader, flow, period) is unique. The copy lies inside its period (copy_events_inside_period); its credit was
    // earned in the month being paid, when the period's invoice was paid (an earned credit names its invoice).
    const periodStart = sql`${start.toISOString()}::timestamptz - interval '400 days'`;
    await sql`
      insert into invoices (tenant_id, subscription_id, stripe_invoice_id, status, amount_due_cents, amount_paid_cents,
                            period_start, period_end, paid_at)
      select r.tenant_id, r.subscription_id, 'in_bench_' || r.i || '_' || p, 'paid', 1000, 1000,
             ${periodStart} + p * interval '31 days', ${periodStart} + (p + 1) * interval '31 days',
             ${start.toISOString()}::timestamptz
      from bench_readers r
      cross join generate_series(0, (select max(credits) from bench_creators) / ${creatorCount}::int) p`;
    await sql`
      with ev as (
        insert into copy_events (user_id, tenant_id, flow_id, creator_id, subscription_id, period_start, period_end,
                                 counted_for_payout, source, created_at)
        select r.user_id, r.tenant_id, c.flow_id, c.creator_id, r.subscription_id,
               ${periodStart} + (g / ${creatorCount}::int) * interval '31 days',
               ${periodStart} + (g / ${creatorCount}::int + 1) * interval '31 days',
               true, 'web', ${periodStart} + (g / ${creatorCount}::int) * interval '31 days' + ((g % 27) || ' days')::interval
        from bench_creators c cross join lateral generate_series(0, c.credits - 1) g
        join bench_readers r on r.i = g % ${creatorCount}::int
        returning id, user_id, creator_id, subscription_id, period_start, period_end, created_at
      )
      insert into creator_credits (creator_id, copy_event_id, subscriber_id, subscription_id, period_start, period_end,
                                   amount_cents, status, earned_at, reversed_at, invoice_id, created_at)
      select x.creator_id, x.id, x.user_id, x.subscription_id, x.period_start, x.period_end, 7,
             case when h < 94 then 'earned' when h < 98 then 'pending' when h < 99 then 'void' else 'reversed' end,
             case when h < 94 or h >= 99 then ${start.toISOString()}::timestamptz + ((h % 27) || ' days')::interval end,
             case when h >= 99 then ${start.toISOString()}::timestamptz + ((h % 27) || ' days 1 hour')::interval end,
             case when h < 94 or h >= 99 then i.id end,
             x.created_at
      from (select *, abs(hashtext(id::text)) % 100 as h from ev) x
      join invoices i on i.subscription_id = x.subscription_id and i.period_start = x.period_start`;
    // Last month's paid payout of 200 creators, 5 of whose credits were reversed after it: deducted this month.
    await sql`
      with p as (
        insert into payouts (creator_id, month, amount_cents, status, stripe_transfer_id, paid_at)
        select creator_id, ${previousMonth(start)}, 1000, 'paid', 'tr_prev_' || k, ${start.toISOString()}::timestamptz
        from bench_creators where k < 200 returning id, creator_id
      ), picked as (
        select c.id, p.id as payout_id, row_number() over (partition by c.creator_id order by c.id) as n
        from creator_credits c join p on p.creator_id = c.creator_id where c.status = 'earned'
      )
      update creator_credits c set status = 'reversed', payout_id = picked.payout_id,
             reversed_at = ${start.toISOString()}::timestamptz + interval '3 days'
      from picked where picked.id = c.id and picked.n <= 5`;
    await sql`
      insert into creator_stripe_accounts (user_id, stripe_account_id, details_submitted, charges_enabled,
                                           payouts_enabled, transfers_capability)
      select creator_id, 'acct_bench_' || k, true, true, true, 'active' from bench_creators where k % 10 <> 9`;
    await sql`drop table bench_creators, bench_readers`;
    await sql`vacuum analyze`;
  });
  log(`${creditCount} credits over ${creatorCount} creators written in ${(loadMs / 1000).toFixed(1)} s`);

  const aggregateSql = `
    select creator_id, sum(amount_cents)::int as cents from creator_credits
    where status = 'earned' and payout_id is null and coalesce(earned_at, created_at) < $1::timestamptz
    group by creator_id`;
  const aggregateTimes: number[] = [];
  let balances: Array<{ creator_id: string; cents: number }> = [];
  for (let i = 0; i < 3; i++) {
    const [rows, ms] = await time(() => sql.unsafe(aggregateSql, [end.toISOString()]));
    balances = rows as unknown as typeof balances;
    aggregateTimes.push(ms);
  }
  const aggregateMs = aggregateTimes.sort((a, b) => a - b)[1]!;

  // What the run should pay: net of deductions, at or above the threshold, to creators who can receive transfers.
  const eligible = `
    select b.creator_id, b.earned - b.deducted as cents, b.credits
    from (
      select c.creator_id,
             sum(c.amount_cents) filter (where c.status = 'earned' and c.payout_id is null) as earned,
             count(*) filter (where c.status = 'earned' and c.payout_id is null) as credits,
             coalesce(sum(c.amount_cents) filter (where c.status = 'reversed' and c.payout_id is not null
               and c.deducted_in_payout_id is null), 0) as deducted
      from creator_credits c group by c.creator_id
    ) b join creator_stripe_accounts a on a.user_id = b.creator_id
    where a.transfers_capability = 'active' and a.payouts_enabled and b.earned - b.deducted >= ${PAYOUT_THRESHOLD_CENTS}`;
  const [expected] = (await sql.unsafe(
    `select count(*)::int as creators, coalesce(sum(cents), 0)::int as cents, coalesce(sum(credits), 0)::int as credits
     from (${eligible}) e`,
  )) as unknown as Array<{ creators: number; cents: number; credits: number }>;

  const [, attachFloorMs] = await time(() =>
    sql
      .begin(async (tx) => {
        const [p] = await tx<Array<{ id: string }>>`
          insert into payouts (creator_id, month, amount_cents, status)
          select creator_id, '1999-01', 0, 'processing' from creator_credits limit 1 returning id`;
        await tx.unsafe(
          `update creator_credits c set payout_id = $1::uuid, updated_at = now()
           where c.status = 'earned' and c.payout_id is null and coalesce(c.earned_at, c.created_at) < $2::timestamptz
             and c.creator_id in (select creator_id from (${eligible}) e)`,
          [p!.id, end.toISOString()],
        );
        throw new Error("rollback");
      })
      .catch(() => {}),
  );

  let transferCount = 0;
  const made: Stripe.Transfer[] = [];
  const stripe = {
    transfers: {
      create: async (params: Stripe.TransferCreateParams) => {
        if (latencyMs) await new Promise((r) => setTimeout(r, latencyMs));
        const transfer = {
          id: `tr_bench_${++transferCount}`,
          object: "transfer",
          amount: params.amount,
          amount_reversed: 0,
          destination: params.destination,
          transfer_group: params.transfer_group,
          metadata: params.metadata,
        } as unknown as Stripe.Transfer;
        made.push(transfer);
        return transfer;
      },
      list: (params: { transfer_group?: string }) => ({
        async *[Symbol.asyncIterator]() {
          if (latencyMs) await new Promise((r) => setTimeout(r, latencyMs));
          yield* made.filter((t) => t.transfer_group === params.transfer_group);
        },
      }),
    },
  } as unknown as Stripe;

  log(`running the payouts of ${month}; load average ${load()}`);
  const [summary, runMs] = await time(() => runMonthlyPayouts(db, { month, now, stripe }));
  const [paid] = await sql<Array<{ payouts: number; cents: number; credits: number }>>`
    select (select count(*)::int from payouts where month = ${month} and status = 'paid') as payouts,
           (select coalesce(sum(amount_cents), 0)::int from payouts where month = ${month} and status = 'paid') as cents,
           (select count(*)::int from creator_credits c join payouts q on q.id = c.payout_id
            where q.month = ${month} and c.status = 'paid_out') as credits`;

  const check = {
    expectedPayouts: expected!.creators,
    expectedCents: expected!.cents,
    expectedCredits: expected!.credits,
    paidPayouts: paid!.payouts,
    paidCents: paid!.cents,
    creditsPaidOut: paid!.credits,
    transfers: made.length,
    summaryPaid: summary.paid.length,
    carriedForward: summary.carriedForward.length,
    skippedNotOnboarded: summary.skippedNotOnboarded.length,
  };
  const exact =
    check.paidPayouts === check.expectedPayouts &&
    check.paidCents === check.expectedCents &&
    check.creditsPaidOut === check.expectedCredits &&
    check.transfers === check.expectedPayouts &&
    check.summaryPaid === check.expectedPayouts;
  console.log(
    JSON.stringify({
      machine: `${os.cpus()[0]?.model ?? "?"} x ${os.cpus().length}`,
      date: now.toISOString(),
      loadAverage: load(),
      postgres: scratch.server,
      credits: creditCount,
      creators: creatorCount,
      distribution: values.distribution,
      stripeLatencyMs: latencyMs,
      creatorsWithBalance: balances.length,
    }),
  );
  console.log(JSON.stringify({ ...check, exact }));
  console.log(
    JSON.stringify({
      aggregateMs: Math.round(aggregateMs),
      attachFloorMs: Math.round(attachFloorMs),
      runMs: Math.round(runMs),
      runToAggregate: Number((runMs / aggregateMs).toFixed(2)),
      runToAttachFloor: Number((runMs / attachFloorMs).toFixed(2)),
      target: "run < 2x the aggregate and < 60 s",
    }),
  );
  if (!exact) process.exitCode = 1;
} finally {
  await sql.end({ timeout: 5 });
  if (values.keep) log(`kept ${scratch.url}`);
  else await scratch.drop();
}
