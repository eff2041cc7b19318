import { expect, test } from "@playwright/test";
import postgres from "postgres";
import Stripe from "stripe";
import { createBenchFlows, createSubscribers, signIn } from "../../scripts/bench/http-world";
import { createScratchDatabase, type ScratchDatabase } from "../../scripts/bench/scratch-db";
import { startTestSandbox, submitForm, WEBHOOK_SECRET, type TestSandbox } from "../sandbox/helpers";
import { CRON_SECRET, copyFlow, inParallel, startApp, type AppInstance } from "./support/app-instances";

// Everything that must hold across app instances lives in PostgreSQL (caps, the per-minute limit, the payout
// lock and its unique index). Two `next start` processes on one database, every batch of requests spread over
// both, must keep them exact. Runs on its own scratch database on DATABASE_URL's server and its own Stripe sandbox.

const serverUrl = process.env.DATABASE_URL;

test.describe("two app instances on one PostgreSQL", () => {
  test.skip(!serverUrl, "needs PostgreSQL (DATABASE_URL): PGlite is one process, so there is no second instance");

  let scratch: ScratchDatabase;
  let sql: postgres.Sql;
  let sandbox: TestSandbox;
  let apps: AppInstance[] = [];
  const cookies = new Map<string, string>();

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    scratch = await createScratchDatabase(serverUrl!, "instances");
    sql = postgres(scratch.url, { max: 4, onnotice: () => {} });
    sandbox = await startTestSandbox();
    const env = { STRIPE_SANDBOX_URL: sandbox.url, ALLOW_STRIPE_SANDBOX: "1", STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET };
    apps = await Promise.all([startApp(scratch.url, env), startApp(scratch.url, env)]);
    await createBenchFlows(sql, 150, 3);
    for (const s of await createSubscribers(sql, "instances", 3))
      cookies.set(s.email, await signIn(apps[0]!.port, s.email));
  });

  test.afterAll(async () => {
    await Promise.all(apps.map((a) => a.stop()));
    await sandbox?.close();
    await sql?.end({ timeout: 5 });
    await scratch?.drop();
  });

  const slugs = (from: number, count: number) => Array.from({ length: count }, (_, i) => `bench-flow-${from + i}`);
  const appFor = (i: number) => apps[i % apps.length]!;

  test("the 100 paid copies cap: 110 distinct premium copies over both instances, exactly 100 qualify", async () => {
    const cookie = cookies.get("instances-1@example.com")!;
    const answers = await inParallel(slugs(1, 110), 16, (slug, i) => copyFlow(appFor(i), cookie, slug));
    expect(answers.map((a) => a.status)).toEqual(Array(110).fill(200));
    const counted = answers.filter((a) => (a.body!.copy as { countedForPayout: boolean }).countedForPayout);
    expect(counted).toHaveLength(100);
    const [usage] = await sql<Array<{ copies: number; paid_copies: number; credits: number; cents: number }>>`
      select u.copies, u.paid_copies,
             (select count(*)::int from creator_credits c where c.subscriber_id = u.user_id) as credits,
             (select sum(amount_cents)::int from creator_credits c where c.subscriber_id = u.user_id) as cents
      from copy_period_usage u join users on users.id = u.user_id where users.email = 'instances-1@example.com'`;
    expect(usage).toEqual({ copies: 110, paid_copies: 100, credits: 100, cents: 700 }); // 100 x $0.07
  });

  test("the 120 copies a minute limit: 130 requests over both instances in one minute, exactly 10 get 429", async () => {
    // All 130 must land in one fixed one-minute window: start with at least 25 s of the window left.
    const secondsIntoMinute = (Date.now() / 1000) % 60;
    if (secondsIntoMinute > 35) await new Promise((r) => setTimeout(r, (61 - secondsIntoMinute) * 1000));
    const cookie = cookies.get("instances-2@example.com")!;
    const answers = await inParallel(slugs(1, 130), 16, (slug, i) => copyFlow(appFor(i), cookie, slug));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(120);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    for (const a of answers.filter((x) => x.status === 429)) expect(Number(a.retryAfter)).toBeGreaterThan(0);
    const buckets = await sql<Array<{ count: number }>>`
      select b.count from rate_limit_buckets b join users u on b.key = 'copy:user:' || u.id
      where u.email = 'instances-2@example.com'`;
    expect(buckets.map((b) => b.count)).toEqual([130]);
    const [{ copies }] = await sql<Array<{ copies: number }>>`
      select count(*)::int as copies from copy_events e join users u on u.id = e.user_id
      where u.email = 'instances-2@example.com'`;
    expect(copies).toBe(120);
  });

  test("one payout per creator and month: the payout run triggered 4 times at once on both instances", async () => {
    const month = previousMonth();
    const earnedAt = `${month}-02T12:00:00Z`;
    const stripe = new Stripe("sk_test_sandbox", { host: "127.0.0.1", port: sandbox.port, protocol: "http" });
    const creators = await sql<Array<{ id: string; email: string }>>`
      select id, email from users where email like 'bench-creator-%' order by email`;
    const [reader] = await sql<Array<{ user_id: string; tenant_id: string; subscription_id: string }>>`
      select u.id as user_id, s.tenant_id, s.id as subscription_id from users u
      join tenants t on t.personal_owner_id = u.id join subscriptions s on s.tenant_id = t.id
      where u.email = 'instances-3@example.com'`;
    // The reader's period that earned the credits, paid (Stripe bills in advance): earned credits name its invoice.
    const periodStart = `${month}-01T00:00:00Z`;
    const [invoice] = await sql<Array<{ id: string }>>`
      insert into invoices (tenant_id, subscription_id, stripe_invoice_id, status, amount_due_cents, amount_paid_cents,
                            period_start, period_end, paid_at)
      values (${reader!.tenant_id}::uuid, ${reader!.subscription_id}::uuid, ${"in_instances_" + month}, 'paid', 1000, 1000,
              ${periodStart}::timestamptz, ${periodStart}::timestamptz + interval '30 days', ${periodStart}::timestamptz)
      returning id`;
    const expected: number[] = [];
    for (const [k, creator] of creators.entries()) {
      // A connected account onboarded through the sandbox's hosted form, as the app stores it after account.updated.
      const account = await stripe.accounts.create({
        type: "express",
        email: creator.email,
        capabilities: { transfers: { requested: true } },
      });
      const link = await stripe.accountLinks.create({
        account: account.id,
        refresh_url: "http://localhost/creator/payouts",
        return_url: "http://localhost/creator/payouts",
        type: "account_onboarding",
      });
      expect(
        (await submitForm(link.url, { name: "Creator", country: "US", bank_account: "000123456789" })).status,
      ).toBe(303);
      await sql`
        insert into creator_stripe_accounts (user_id, stripe_account_id, details_submitted, charges_enabled,
                                             payouts_enabled, transfers_capability)
        values (${creator.id}, ${account.id}, true, true, true, 'active')`;
      // 160, 170, 180 qualifying copies earned last month: $11.20, $11.90, $12.60.
      const credits = 160 + 10 * k;
      expected.push(credits * 7);
      await sql`
        with ev as (
          insert into copy_events (user_id, tenant_id, flow_id, creator_id, subscription_id, period_start, period_end,
                                   counted_for_payout, source, created_at)
          select ${reader!.user_id}::uuid, ${reader!.tenant_id}::uuid, f.id, f.creator_id, ${reader!.subscription_id}::uuid,
                 -- one copy per (reader, flow, period): each hand-made copy gets a period of its own, seconds apart
                 ${periodStart}::timestamptz + make_interval(secs => g),
                 ${periodStart}::timestamptz + interval '30 days' + make_interval(secs => g), true, 'web',
                 ${earnedAt}::timestamptz + make_interval(secs => g)
          from generate_series(1, ${credits}::int) g,
               (select id, creator_id from flows where creator_id = ${creator.id}::uuid order by slug limit 1) f
          returning id, creator_id, subscription_id, period_start, period_end
        )
        insert into creator_credits (creator_id, copy_event_id, subscriber_id, subscription_id, period_start, period_end,
                                     amount_cents, status, earned_at, invoice_id)
        select creator_id, id, ${reader!.user_id}::uuid, subscription_id, period_start, period_end, 7, 'earned',
               ${earnedAt}::timestamptz, ${invoice!.id}::uuid
        from ev`;
    }

    const answers = await Promise.all(
      [0, 1, 2, 3].map(async (i) => {
        const response = await fetch(`${appFor(i).origin}/api/cron/payouts`, {
          method: "POST",
          headers: { authorization: `Bearer ${CRON_SECRET}`, "content-type": "application/json" },
          body: JSON.stringify({ month }),
        });
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      }),
    );
    // The four triggers enqueue one job for the month (its singleton key) and wait for its summary; a trigger that
    // comes after that job finished starts another, which finds everything already paid.
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const paidBy = answers.map((a) =>
      (a.body.paid as Array<{ amountCents: number }>).map((p) => p.amountCents).sort((x, y) => x - y),
    );
    expect(paidBy.filter((paid) => paid.length > 0 && JSON.stringify(paid) !== JSON.stringify(expected))).toEqual([]);
    expect(paidBy.some((paid) => JSON.stringify(paid) === JSON.stringify(expected))).toBe(true);

    const payouts = await sql<Array<{ creator_id: string; amount_cents: number; status: string }>>`
      select creator_id, amount_cents, status from payouts where month = ${month} order by amount_cents`;
    expect(payouts.map((p) => [p.amount_cents, p.status])).toEqual(expected.map((cents) => [cents, "paid"]));
    const transfers = await stripe.transfers.list({ transfer_group: `payouts-${month}`, limit: 100 });
    expect(transfers.data.map((t) => t.amount).sort((a, b) => a - b)).toEqual(expected);
  });
});

function previousMonth(): string {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return first.toISOString().slice(0, 7);
}
