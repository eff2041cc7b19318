import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/rows";
import { seedDatabase, type SeedSummary } from "@/db/seed";
import { DEMO_PASSWORD, DEMO_PASSWORD_HASH } from "@/db/seed/demo-password";
import { verifyPassword } from "@/lib/auth/password";
import { getEntitlement } from "@/lib/entitlements";
import { COPY_CREDIT_CENTS, PAYOUT_THRESHOLD_CENTS, PLANS } from "@/lib/plans";
import { createTestDb, type TestDb } from "../helpers/db";

let t: TestDb;
let summary: SeedSummary;
let now: Date;

beforeAll(async () => {
  t = await createTestDb();
  const started = performance.now();
  summary = await seedDatabase(t.db);
  console.log(`seed on ${t.driver}: ${Math.round(performance.now() - started)} ms`, JSON.stringify(summary));
  now = summary.now!;
});
afterAll(async () => t.close());

const rows = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(t.db, query);
const one = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => (await rows<T>(query))[0];
const iso = (d: Date) => d.toISOString();

async function userByEmail(email: string) {
  return one<{ id: string; name: string; is_admin: boolean; handle: string | null; password_hash: string }>(
    sql`select id, name, is_admin, handle, password_hash from users where email = ${email}`,
  );
}

/** Row count and a digest of every row, for every table in the public schema. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await rows<{ name: string }>(
    sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [r] = await rows<{ n: number; h: string | null }>(
      sql.raw(`select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as h from "${name}" t`),
    );
    out[name] = `${r.n}:${r.h ?? "-"}`;
  }
  return out;
}

describe("seed: catalogue", () => {
  it("publishes a large, varied catalogue from at least 12 creators", async () => {
    const c = await one<{
      flows: number;
      free: number;
      agents: number;
      sites: number;
      categories: number;
      creators: number;
    }>(
      sql`select count(*)::int as flows,
                 (count(*) filter (where not is_premium))::int as free,
                 (select count(distinct a)::int from flows, unnest(agents) a where status = 'published') as agents,
                 (select count(distinct s)::int from flows, unnest(sites) s where status = 'published') as sites,
                 count(distinct category)::int as categories,
                 count(distinct creator_id)::int as creators
          from flows where status = 'published' and published_at <= ${iso(now)}::timestamptz`,
    );
    expect(c.flows).toBeGreaterThanOrEqual(200);
    expect(c.agents).toBeGreaterThanOrEqual(8);
    expect(c.sites).toBeGreaterThanOrEqual(40);
    expect(c.categories).toBeGreaterThanOrEqual(12);
    expect(c.creators).toBeGreaterThanOrEqual(12);
    expect(c.free / c.flows).toBeGreaterThan(0.15);
    expect(c.free / c.flows).toBeLessThan(0.25);
    expect(summary.flows).toBe(c.flows);
  });

  it("gives every user a personal tenant they own, and every flow its creator's tenant", async () => {
    const broken = await one<{ users: number; flows: number }>(
      sql`select
            (select count(*)::int from users u where not exists (
               select 1 from tenants tn join tenant_members m on m.tenant_id = tn.id and m.user_id = u.id and m.role = 'owner'
               where tn.kind = 'personal' and tn.personal_owner_id = u.id)) as users,
            (select count(*)::int from flows f join tenants tn on tn.id = f.tenant_id
             where tn.personal_owner_id is distinct from f.creator_id) as flows`,
    );
    expect(broken).toEqual({ users: 0, flows: 0 });
  });
});

describe("seed: demo accounts", () => {
  it("lets every demo account and creator sign in with the demo password", async () => {
    const r = await one<{ n: number; other: number }>(
      sql`select count(*)::int as n, (count(*) filter (where password_hash <> ${DEMO_PASSWORD_HASH}))::int as other
          from users where email like '%@flowtab.dev' or handle is not null`,
    );
    expect(r.n).toBeGreaterThanOrEqual(16);
    expect(r.other).toBe(0);
    expect(await verifyPassword(DEMO_PASSWORD, DEMO_PASSWORD_HASH)).toBe(true);
  });

  it("has a free member, an admin and a creator with the right state", async () => {
    const member = await userByEmail("member@flowtab.dev");
    expect(member.name).toBe("Morgan Lee");
    expect(member.is_admin).toBe(false);
    const memberSubs = await one<{ n: number }>(
      sql`select count(*)::int as n from subscriptions s join tenant_members m on m.tenant_id = s.tenant_id where m.user_id = ${member.id}`,
    );
    expect(memberSubs.n).toBe(0);

    const admin = await userByEmail("admin@flowtab.dev");
    expect(admin).toMatchObject({ name: "Alex Admin", is_admin: true });

    const creator = await userByEmail("creator@flowtab.dev");
    expect(creator.handle).toBe("demo-creator");
    const owned = await one<{ n: number }>(sql`select count(*)::int as n from flows where creator_id = ${creator.id}`);
    expect(owned.n).toBeGreaterThan(0);
    const credits = await rows<{ status: string; n: number }>(
      sql`select status, count(*)::int as n from creator_credits where creator_id = ${creator.id} group by status`,
    );
    const byStatus = Object.fromEntries(credits.map((c) => [c.status, c.n]));
    expect(byStatus.pending).toBeGreaterThan(0);
    expect(byStatus.earned).toBeGreaterThan(0);
    expect(byStatus.paid_out).toBeGreaterThan(0);
    const account = await one<{ ok: boolean }>(
      sql`select details_submitted and charges_enabled and payouts_enabled and transfers_capability = 'active' as ok
          from creator_stripe_accounts where user_id = ${creator.id}`,
    );
    expect(account.ok).toBe(true);
    const accounts = await one<{ n: number }>(sql`select count(*)::int as n from creator_stripe_accounts`);
    expect(accounts.n).toBe(1);
  });

  it("has an active subscriber with 37 of 100 paid copies used this period", async () => {
    const subscriber = await userByEmail("subscriber@flowtab.dev");
    expect(subscriber.name).toBe("Sam Okafor");
    const sub = await one<{
      id: string;
      status: string;
      start: Date;
      end: Date;
      amount: number;
      customer: string;
      tenant_customer: string;
    }>(
      sql`select s.id, s.status, s.current_period_start as start, s.current_period_end as end, s.unit_amount_cents as amount,
                 s.stripe_customer_id as customer, tn.stripe_customer_id as tenant_customer
          from subscriptions s join tenants tn on tn.id = s.tenant_id
          where tn.personal_owner_id = ${subscriber.id}`,
    );
    expect(sub.status).toBe("active");
    expect(sub.amount).toBe(PLANS.premium.priceCents);
    expect(sub.tenant_customer).toBe(sub.customer);
    const start = new Date(sub.start);
    expect(start.getTime()).toBe(now.getTime() - 9 * 86_400_000);
    const end = new Date(start);
    end.setUTCMonth(end.getUTCMonth() + 1);
    if (end.getUTCDate() !== start.getUTCDate()) end.setUTCDate(0); // clamp like Stripe (Jan 31 -> Feb 28)
    expect(new Date(sub.end).getTime()).toBe(end.getTime());

    const usage = await one<{ copies: number; paid_copies: number }>(
      sql`select copies, paid_copies from copy_period_usage where user_id = ${subscriber.id} and period_start = ${iso(start)}::timestamptz`,
    );
    expect(usage).toEqual({ copies: 37, paid_copies: 37 });
    const copies = await one<{
      n: number;
      counted: number;
      premium: number;
      creators: number;
      demo: number;
      outside: number;
    }>(
      sql`select count(*)::int as n, (count(*) filter (where c.counted_for_payout))::int as counted,
                 (count(*) filter (where f.is_premium))::int as premium, count(distinct c.creator_id)::int as creators,
                 (count(*) filter (where u.handle = 'demo-creator'))::int as demo,
                 (count(*) filter (where c.created_at < c.period_start or c.created_at > ${iso(now)}::timestamptz))::int as outside
          from copy_events c join flows f on f.id = c.flow_id join users u on u.id = c.creator_id
          where c.user_id = ${subscriber.id} and c.period_start = ${iso(start)}::timestamptz and c.subscription_id = ${sub.id}`,
    );
    expect(copies).toMatchObject({ n: 37, counted: 37, premium: 37, outside: 0 });
    expect(copies.creators).toBeGreaterThanOrEqual(3);
    expect(copies.demo).toBeGreaterThan(0);
    // The current period was paid at its start (Stripe bills in advance): every copy earned at once (those of the
    // demo creator made before the 1st went out in last month's payout).
    const credits = await one<{ n: number; earned: number; cents: number }>(
      sql`select count(*)::int as n, (count(*) filter (where status in ('earned', 'paid_out')))::int as earned,
                 sum(amount_cents)::int as cents
          from creator_credits where subscriber_id = ${subscriber.id}`,
    );
    expect(credits).toEqual({ n: 37, earned: 37, cents: 37 * COPY_CREDIT_CENTS });
  });
});

describe("seed: money adds up", () => {
  it("pays each payout exactly the sum of its credits, above the threshold", async () => {
    const list = await rows<{
      amount: number;
      credits: number;
      n: number;
      status: string;
      transfer: string | null;
      month: string;
      paid_at: Date;
    }>(
      sql`select p.amount_cents as amount, p.status, p.stripe_transfer_id as transfer, p.month, p.paid_at,
                 coalesce(sum(c.amount_cents), 0)::int as credits, count(c.id)::int as n
          from payouts p left join creator_credits c on c.payout_id = p.id
          group by p.id`,
    );
    expect(list).toHaveLength(1);
    const [payout] = list;
    expect(payout.status).toBe("paid");
    expect(payout.amount).toBe(payout.credits);
    expect(payout.amount).toBeGreaterThanOrEqual(PAYOUT_THRESHOLD_CENTS);
    expect(payout.transfer).toMatch(/^tr_seed_/);
    const previousMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    expect(payout.month).toBe(previousMonth.toISOString().slice(0, 7));
    expect(new Date(payout.paid_at).getUTCDate()).toBe(1);
    const stray = await one<{ n: number }>(
      sql`select count(*)::int as n from creator_credits where (status = 'paid_out') <> (payout_id is not null)`,
    );
    expect(stray.n).toBe(0);
  });

  it("credits exactly the qualifying copies, 7 cents each, capped per period, never free flows or self-copies", async () => {
    const r = await one<Record<string, number>>(
      sql`select
        (select count(*)::int from creator_credits where amount_cents <> ${COPY_CREDIT_CENTS}) as wrong_amount,
        (select count(*)::int from copy_events c where c.counted_for_payout
           and not exists (select 1 from creator_credits k where k.copy_event_id = c.id)) as counted_without_credit,
        (select count(*)::int from creator_credits k join copy_events c on c.id = k.copy_event_id
           where not c.counted_for_payout or k.creator_id <> c.creator_id or k.subscriber_id <> c.user_id
              or k.period_start <> c.period_start or k.subscription_id is distinct from c.subscription_id) as mismatched,
        (select count(*)::int from copy_events c join flows f on f.id = c.flow_id
           where c.counted_for_payout and not f.is_premium) as counted_free,
        (select count(*)::int from copy_events where counted_for_payout and user_id = creator_id) as counted_self,
        (select count(*)::int from (select 1 from copy_events where counted_for_payout
           group by user_id, period_start having count(*) > ${PLANS.premium.paidCopiesPerPeriod}) x) as over_cap,
        (select count(*)::int from copy_events c join flows f on f.id = c.flow_id
           where c.created_at < f.published_at or c.created_at < c.period_start or c.created_at >= c.period_end) as out_of_time`,
    );
    expect(r).toEqual({
      wrong_amount: 0,
      counted_without_credit: 0,
      mismatched: 0,
      counted_free: 0,
      counted_self: 0,
      over_cap: 0,
      out_of_time: 0,
    });
  });

  it("bills every period in advance: credits earned at once, pending only in a past-due subscriber's open period", async () => {
    const r = await one<Record<string, number>>(
      sql`select
        (select count(*)::int from creator_credits k
           where k.status = 'pending' and (k.invoice_id is not null or exists (
             select 1 from invoices i where i.subscription_id = k.subscription_id and i.period_start = k.period_start
               and i.status <> 'open'))) as bad_pending,
        (select count(*)::int from creator_credits k left join invoices i on i.id = k.invoice_id
           where k.status in ('earned', 'paid_out') and (i.id is null or i.status <> 'paid'
             or i.period_start <> k.period_start or i.subscription_id <> k.subscription_id
             or k.earned_at is null or k.earned_at < k.created_at)) as bad_earned,
        (select count(*)::int from invoices i join subscriptions s on s.id = i.subscription_id
           where i.amount_due_cents <> ${PLANS.premium.priceCents} * s.quantity
           or (i.status = 'paid' and (i.amount_paid_cents <> i.amount_due_cents or i.paid_at <> i.period_start))
           or (i.status = 'open' and (i.amount_paid_cents <> 0 or i.paid_at is not null))
           or i.status not in ('paid', 'open')) as bad_invoices,
        (select count(*)::int from copy_period_usage u full join (
           select user_id, period_start, count(*)::int as n, (count(*) filter (where counted_for_payout))::int as paid
           from copy_events group by 1, 2) a on a.user_id = u.user_id and a.period_start = u.period_start
           where a.n is distinct from u.copies or a.paid is distinct from u.paid_copies) as bad_usage,
        (select count(*)::int from subscriptions s
           where s.status not in ('active', 'past_due')
              or s.current_period_start > ${iso(now)}::timestamptz or s.current_period_end <= ${iso(now)}::timestamptz
              or (s.status = 'past_due') <> exists (select 1 from invoices i where i.subscription_id = s.id
                    and i.period_start = s.current_period_start and i.status = 'open')
              or not exists (select 1 from invoices i where i.subscription_id = s.id
                    and i.period_start = s.current_period_start)) as bad_subscriptions,
        (select count(*)::int from credit_periods p where p.credited_cents <> (
           select coalesce(sum(amount_cents), 0) from creator_credits k where k.subscription_id = p.subscription_id
             and k.period_start = p.period_start and k.status in ('pending', 'earned', 'paid_out'))) as bad_periods,
        (select count(*)::int from subscriptions where status = 'past_due') as past_due`,
    );
    expect(r).toMatchObject({
      bad_pending: 0,
      bad_earned: 0,
      bad_invoices: 0,
      bad_usage: 0,
      bad_subscriptions: 0,
      bad_periods: 0,
    });
    expect(r.past_due).toBeGreaterThan(0);
    const invoiced = await one<{ readers: number; invoices: number }>(
      sql`select count(distinct s.id)::int as readers, count(i.id)::int as invoices
          from subscriptions s join invoices i on i.subscription_id = s.id where s.stripe_subscription_id like 'sub_seed_reader%'`,
    );
    expect(invoiced.readers).toBeGreaterThan(30);
    expect(invoiced.invoices + 2).toBe(summary.invoices); // and the demo subscriber's one, and the demo team's
  });
});

describe("seed: counters", () => {
  it("matches every flow counter and daily copy row to the underlying rows", async () => {
    const recentFrom = new Date(now.getTime() - 30 * 86_400_000);
    const r = await one<{ flows: number; days: number; copies: number; likes: number; saves: number }>(
      sql`select
        (select count(*)::int from flows f where
           f.copy_count <> (select count(*) from copy_events c where c.flow_id = f.id)
           or f.recent_copy_count <> (select count(*) from copy_events c where c.flow_id = f.id and c.created_at >= ${iso(recentFrom)}::timestamptz)
           or f.like_count <> (select count(*) from likes l where l.flow_id = f.id)
           or f.save_count <> (select count(*) from saves s where s.flow_id = f.id)) as flows,
        (select count(*)::int from (
           (select flow_id, (created_at at time zone 'UTC')::date as day, count(*)::int as copies from copy_events group by 1, 2
            except select flow_id, day, copies from flow_copy_days)
           union all
           (select flow_id, day, copies from flow_copy_days
            except select flow_id, (created_at at time zone 'UTC')::date, count(*)::int from copy_events group by 1, 2)) x) as days,
        (select sum(copy_count)::int from flows) as copies,
        (select sum(like_count)::int from flows) as likes,
        (select sum(save_count)::int from flows) as saves`,
    );
    expect(r).toEqual({ flows: 0, days: 0, copies: summary.copyEvents, likes: summary.likes, saves: summary.saves });
    expect(summary.likes + summary.saves).toBeGreaterThan(200);
  });
});

describe("seed: demo team", () => {
  it("Northwind Labs has 3 seats on an active team subscription; its owner and member hold two", async () => {
    const owner = (await userByEmail("team-owner@flowtab.dev"))!;
    const member = (await userByEmail("team-member@flowtab.dev"))!;
    const team = await one<{ id: string; kind: string; quantity: number; status: string; amount: number }>(
      sql`select t.id, t.kind, s.quantity, s.status, s.unit_amount_cents as amount
          from tenants t join subscriptions s on s.tenant_id = t.id where t.name = 'Northwind Labs'`,
    );
    expect(team).toMatchObject({ kind: "team", quantity: 3, status: "active", amount: PLANS.team.priceCents });
    const roles = await rows<{ email: string; role: string }>(
      sql`select u.email, m.role from tenant_members m join users u on u.id = m.user_id
          where m.tenant_id = ${team!.id} order by m.created_at`,
    );
    expect(roles).toEqual([
      { email: "team-owner@flowtab.dev", role: "owner" },
      { email: "team-member@flowtab.dev", role: "member" },
    ]);
    for (const person of [owner, member]) {
      const entitlement = await getEntitlement(t.db, { userId: person.id, now });
      expect(entitlement).toMatchObject({ premiumAccess: true, tenantId: team!.id });
      expect(entitlement.plan.id).toBe("team");
    }
  });
});

describe("seed: idempotency", () => {
  it("changes nothing when run again, in any table", async () => {
    const before = await snapshot();
    const again = await seedDatabase(t.db);
    expect(await snapshot()).toEqual(before);
    expect({ ...again, durationMs: 0 }).toEqual({ ...summary, durationMs: 0 });
  });

  it("skips at once with onlyIfEmpty when the database is already seeded", async () => {
    const before = await snapshot();
    const result = await seedDatabase(t.db, { onlyIfEmpty: true });
    expect(result.skipped).toBe(true);
    expect(await snapshot()).toEqual(before);
  });
});
