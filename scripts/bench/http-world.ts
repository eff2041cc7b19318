// The world of bench:http, written straight into its scratch database: the seeded demo catalogue (what the public
// pages show), benchmark creators with premium flows, and paying subscribers (active subscription, the period's
// usage row already there) who sign in with the demo password. Plus sign-in over HTTP, as a browser does it.
import { drizzle } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import * as schema from "@/db/schema";
import { DEMO_PASSWORD, DEMO_PASSWORD_HASH } from "@/db/seed/demo-password";
import { seedDatabase } from "@/db/seed";
import type { Db } from "@/db/types";
import { send } from "./load";

/** Premium prompt texts of about this size (the seeded catalogue's are 1-3 KB). */
const PROMPT_BYTES = 2000;

export async function seedCatalogue(sql: postgres.Sql) {
  return seedDatabase(drizzle(sql, { schema }) as unknown as Db);
}

/** `count` published premium flows, `bench-flow-1..count`, spread over `creators` creators. */
export async function createBenchFlows(sql: postgres.Sql, count: number, creators: number): Promise<string[]> {
  await sql`
    with u as (
      insert into users (email, name) select 'bench-creator-' || g || '@example.com', 'Bench creator ' || g
      from generate_series(1, ${creators}::int) g returning id, name
    ), t as (
      insert into tenants (name, kind, personal_owner_id) select name, 'personal', id from u returning id, personal_owner_id
    ), m as (
      insert into tenant_members (tenant_id, user_id, role) select id, personal_owner_id, 'owner' from t
    )
    insert into flows (slug, title, summary, prompt_text, category, status, published_at, is_premium, creator_id, tenant_id)
    select 'bench-flow-' || g, 'Bench flow ' || g, 'A premium benchmark flow.',
           left(repeat('Open the page, read it, do step ' || g || ' and report back. ', 60), ${PROMPT_BYTES}::int),
           'Testing', 'published', now(), true, c.personal_owner_id, c.id
    from generate_series(1, ${count}::int) g
    join (select id, personal_owner_id, row_number() over (order by id) - 1 as n from t) c
      on c.n = g % ${creators}::int`;
  return Array.from({ length: count }, (_, i) => `bench-flow-${i + 1}`);
}

export type Subscriber = { id: string; email: string };

/** `count` paying subscribers `<prefix>-<n>@example.com` with the demo password and the period's usage row. */
export async function createSubscribers(sql: postgres.Sql, prefix: string, count: number): Promise<Subscriber[]> {
  const start = new Date(Date.now() - 86_400_000).toISOString();
  const end = new Date(Date.now() + 29 * 86_400_000).toISOString();
  const rows = await sql<Subscriber[]>`
    with u as (
      insert into users (email, name, password_hash)
      select ${prefix} || '-' || g || '@example.com', 'Bench reader ' || g, ${DEMO_PASSWORD_HASH}
      from generate_series(1, ${count}::int) g returning id, email, name
    ), t as (
      insert into tenants (name, kind, personal_owner_id) select name, 'personal', id from u returning id, personal_owner_id
    ), m as (
      insert into tenant_members (tenant_id, user_id, role) select id, personal_owner_id, 'owner' from t
    ), s as (
      insert into subscriptions (tenant_id, stripe_subscription_id, stripe_customer_id, stripe_price_id, status,
                                 unit_amount_cents, current_period_start, current_period_end, stripe_synced_at)
      select id, 'sub_bench_' || id, 'cus_bench_' || id, 'price_bench', 'active', 1000, ${start}::timestamptz, ${end}::timestamptz, now() from t
    ), usage as (
      insert into copy_period_usage (user_id, period_start, period_end) select personal_owner_id, ${start}::timestamptz, ${end}::timestamptz from t
    )
    select id, email from u order by email`;
  return rows.map((r) => ({ id: r.id, email: r.email }));
}

/**
 * Hands out distinct (subscriber, flow) copies: job n goes to subscriber n mod S, so requests in flight belong to
 * different subscribers (as they would in production), and no subscriber copies more than 100 flows, so every
 * copy qualifies (a paid 7c credit) and no one reaches the 120-per-minute limit.
 */
export function copyJobs<S>(subscribers: S[], slugs: string[]) {
  let n = 0;
  const perSubscriber = Math.min(100, slugs.length);
  return {
    capacity: subscribers.length * perSubscriber,
    next(): { subscriber: S; slug: string } | null {
      const s = n % subscribers.length;
      const k = Math.floor(n / subscribers.length);
      if (k >= perSubscriber) return null;
      n++;
      return { subscriber: subscribers[s]!, slug: slugs[(s * 37 + k) % slugs.length]! };
    },
  };
}

function cookiePairs(setCookie: string[] | undefined, keep: (name: string) => boolean): string[] {
  return (setCookie ?? [])
    .map((c) => c.split(";")[0]!)
    .filter((pair) => keep(pair.slice(0, pair.indexOf("="))) && !pair.endsWith("="));
}

/** Signs in with Auth.js credentials over HTTP (CSRF token, then the callback); returns the session cookie header. */
export async function signIn(port: number, email: string): Promise<string> {
  const origin = `http://localhost:${port}`;
  const csrf = await send({ port, path: "/api/auth/csrf", headers: { host: `localhost:${port}` } });
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const csrfCookies = cookiePairs(csrf.headers["set-cookie"], () => true);
  const answer = await send({
    port,
    path: "/api/auth/callback/credentials",
    method: "POST",
    headers: {
      host: `localhost:${port}`,
      origin,
      "content-type": "application/x-www-form-urlencoded",
      cookie: csrfCookies.join("; "),
    },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, csrfToken, callbackUrl: `${origin}/` }).toString(),
  });
  const session = cookiePairs(answer.headers["set-cookie"], (name) => name.includes("authjs.session-token"));
  if (session.length === 0) throw new Error(`sign-in of ${email} failed: ${answer.status} ${answer.headers.location}`);
  return session.join("; ");
}
