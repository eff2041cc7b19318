// npm run bench:copies: throughput of recordCopy (the whole copy, no HTTP) on PostgreSQL. It runs in a scratch
// database it creates on the server of BENCH_DATABASE_URL or DATABASE_URL (never in that URL's own database, so
// no benchmark flow reaches a real catalogue) and drops at the end. Prints one JSON line.
// Usage: DATABASE_URL=postgres://... npm run bench:copies -- --copies 6000 --concurrency 16
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { connectPostgres } from "@/db/open";
import { subscriptions, tenantMembers, tenants, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { recordCopy } from "@/lib/copies/record-copy";
import { benchServerUrl, createScratchDatabase } from "./scratch-db";

const { values } = parseArgs({
  options: {
    copies: { type: "string", default: "6000" },
    concurrency: { type: "string", default: "16" },
    users: { type: "string", default: "60" },
  },
});
const total = Number(values.copies);
const concurrency = Number(values.concurrency);
const userCount = Number(values.users);
const scratch = await createScratchDatabase(benchServerUrl("bench:copies"), "copies");
// The app's driver settings and pool size, so the figure is what one app process could do.
const { client, db: drizzleDb } = connectPostgres(scratch.url, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
const db = drizzleDb as unknown as Db;
try {
  const run = Date.now().toString(36);

  const [creator] = await db
    .insert(users)
    .values({ email: `bench-creator-${run}@example.com`, name: "Bench creator" })
    .returning();
  const [creatorTenant] = await db
    .insert(tenants)
    .values({ name: "Bench", kind: "personal", personalOwnerId: creator!.id })
    .returning();
  await db.insert(tenantMembers).values({ tenantId: creatorTenant!.id, userId: creator!.id, role: "owner" });
  const flowsPerUser = Math.ceil(total / userCount);
  await db.execute(sql`
  insert into flows (slug, title, summary, prompt_text, category, status, published_at, is_premium, creator_id, tenant_id)
  select ${`bench-${run}`} || '-' || g, 'Bench flow ' || g, 'Benchmark flow.', 'Bench prompt ' || g, 'Testing', 'published', now(), true,
    ${creator!.id}, ${creatorTenant!.id}
  from generate_series(1, ${flowsPerUser}) g`);

  const readerIds: string[] = [];
  for (let i = 0; i < userCount; i++) {
    const [u] = await db
      .insert(users)
      .values({ email: `bench-${run}-${i}@example.com`, name: `Reader ${i}` })
      .returning();
    const [t] = await db
      .insert(tenants)
      .values({ name: `Reader ${i}`, kind: "personal", personalOwnerId: u!.id })
      .returning();
    await db.insert(tenantMembers).values({ tenantId: t!.id, userId: u!.id, role: "owner" });
    const start = new Date(Date.now() - 86_400_000);
    await db.insert(subscriptions).values({
      tenantId: t!.id,
      stripeSubscriptionId: `sub_bench_${run}_${i}`,
      stripeCustomerId: `cus_bench_${run}_${i}`,
      stripePriceId: "price_bench",
      status: "active",
      unitAmountCents: 1000,
      currentPeriodStart: start,
      currentPeriodEnd: new Date(start.getTime() + 30 * 86_400_000),
      stripeSyncedAt: new Date(),
    });
    readerIds.push(u!.id);
  }

  // Each reader copies distinct flows, and concurrent jobs mostly touch different flows (a single hot flow would
  // measure row-lock queueing on its counters instead). Copies are spread over simulated minutes so the 120/min
  // anti-scraping limit is not the subject.
  const jobs = Array.from({ length: total }, (_, n) => {
    const reader = n % userCount;
    const k = Math.floor(n / userCount);
    return { userId: readerIds[reader]!, flow: ((k + reader * 13) % flowsPerUser) + 1, minute: Math.floor(k / 100) };
  });
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        try {
          await recordCopy(db, {
            userId: job.userId,
            slug: `bench-${run}-${job.flow}`,
            source: "api",
            now: new Date(Date.now() + job.minute * 61_000),
          });
        } catch {
          failures++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const [{ credits }] = (await db.execute(
    sql`select count(*)::int as credits from creator_credits where creator_id = ${creator!.id}`,
  )) as unknown as Array<{ credits: number }>;
  console.log(
    JSON.stringify({
      copies: total,
      concurrency,
      users: userCount,
      seconds: Number(seconds.toFixed(2)),
      copiesPerSecond: Math.round(total / seconds),
      failures,
      credits,
      postgres: scratch.server,
    }),
  );
} finally {
  await client.end({ timeout: 5 });
  await scratch.drop();
}
