import { eq, sql } from "drizzle-orm";
import { CREDIT_STATUSES, type CreditStatus, subscriptions, users } from "../schema";
import { queryRows } from "../rows";
import type { Db, Executor, Tx } from "../types";
import { writeActivity } from "./activity";
import { must } from "./batch";
import { validateContent, writeFlows } from "./catalog";
import type { SeedContent } from "./content-types";
import { recomputeFlowCounters } from "./counters";
import { SUBSCRIBER_PERIOD_AGE_MS, writeDemoCreatorStripeAccount, writeSubscriptionsAndInvoices } from "./demo-billing";
import { writeDemoTeam } from "./demo-team";
import { writeEngagement } from "./engagement";
import { assertNoRealUsers, assertNotProduction, demoSeedForcedByEnv } from "./guard";
import { DEMO_ADMIN } from "./people";
import { addDays, addMs, maxDate, minDate, startOfUtcMonth, truncateToSecond } from "./time";
import { writeUsersAndTenants } from "./users-and-tenants";
import { planWorld } from "./world";

export type SeedSummary = {
  /** True when `onlyIfEmpty` found an already seeded database and did nothing. */
  skipped: boolean;
  /** The instant every seeded time is relative to (kept from the first run). Null when skipped. */
  now: Date | null;
  durationMs: number;
  /** Row counts in the database after seeding. */
  users: number;
  flows: number;
  subscriptions: number;
  invoices: number;
  copyEvents: number;
  likes: number;
  saves: number;
  credits: Record<CreditStatus, number>;
  payouts: number;
};

/**
 * Seeds the catalogue, demo accounts and marketplace activity in one transaction. Idempotent: ids are derived from
 * natural keys, every insert is ON CONFLICT DO NOTHING, and `now` is read back from the first run's rows.
 * Refuses (DemoSeedRefused, nothing written) under NODE_ENV=production or when the database has users the seed did
 * not create, unless `force` (default: ALLOW_DEMO_SEED=1).
 */
export async function seedContent(
  db: Db,
  loadContent: () => SeedContent,
  options: { onlyIfEmpty?: boolean; force?: boolean } = {},
): Promise<SeedSummary> {
  const started = performance.now();
  const force = options.force ?? demoSeedForcedByEnv();
  assertNotProduction(force);
  if (options.onlyIfEmpty) {
    const admin = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_ADMIN.email)).limit(1);
    if (admin.length > 0) return emptySummary(started);
  }
  const content = loadContent();
  validateContent(content);
  return db.transaction(async (tx) => {
    const now = await seedAnchor(tx);
    const world = planWorld(content, now);
    await assertNoRealUsers(tx, { demoEmails: world.users.map((u) => u.email), force });
    const people = await writeUsersAndTenants(tx, world.users);
    const flows = await writeFlows(tx, world.flows, people);
    const billing = await writeSubscriptionsAndInvoices(tx, world.subscriptions, people, now);
    await writeDemoTeam(tx, people, now);
    const demoCreator = must(new Map(world.users.map((u) => [u.email, u])), world.demoCreatorEmail, "demo creator");
    const connectedAt = minDate(
      maxDate(addDays(demoCreator.createdAt, 1), addDays(startOfUtcMonth(now), -20)),
      world.activity.payout.createdAt,
    );
    await writeDemoCreatorStripeAccount(tx, must(people, world.demoCreatorEmail, "demo creator").userId, connectedAt);
    await writeActivity(tx, world.activity, { people, flows, billing });
    await writeEngagement(tx, world.engagement, people, flows);
    await recomputeFlowCounters(
      tx,
      [...flows.values()].map((f) => f.id),
      now,
    );
    return { ...(await countRows(tx)), skipped: false, now, durationMs: Math.round(performance.now() - started) };
  });
}

/** The first run's `now`, recovered from the demo subscription it wrote; a fresh database starts the clock. */
async function seedAnchor(tx: Tx): Promise<Date> {
  const [row] = await tx
    .select({ createdAt: subscriptions.createdAt })
    .from(subscriptions)
    .where(eq(subscriptions.stripeSubscriptionId, "sub_seed_subscriber"));
  return row ? addMs(row.createdAt, SUBSCRIBER_PERIOD_AGE_MS) : truncateToSecond(new Date());
}

function emptySummary(started: number): SeedSummary {
  const credits = Object.fromEntries(CREDIT_STATUSES.map((s) => [s, 0])) as Record<CreditStatus, number>;
  return {
    skipped: true,
    now: null,
    durationMs: Math.round(performance.now() - started),
    users: 0,
    flows: 0,
    subscriptions: 0,
    invoices: 0,
    copyEvents: 0,
    likes: 0,
    saves: 0,
    credits,
    payouts: 0,
  };
}

async function countRows(db: Executor): Promise<Omit<SeedSummary, "skipped" | "now" | "durationMs">> {
  const [totals] = await queryRows<Record<string, number>>(
    db,
    sql`select
      (select count(*) from users)::int as users,
      (select count(*) from flows)::int as flows,
      (select count(*) from subscriptions)::int as subscriptions,
      (select count(*) from invoices)::int as invoices,
      (select count(*) from copy_events)::int as copy_events,
      (select count(*) from likes)::int as likes,
      (select count(*) from saves)::int as saves,
      (select count(*) from payouts)::int as payouts`,
  );
  const byStatus = await queryRows<{ status: CreditStatus; n: number }>(
    db,
    sql`select status, count(*)::int as n from creator_credits group by status`,
  );
  const credits = Object.fromEntries(CREDIT_STATUSES.map((s) => [s, 0])) as Record<CreditStatus, number>;
  for (const row of byStatus) credits[row.status] = row.n;
  return {
    users: totals.users,
    flows: totals.flows,
    subscriptions: totals.subscriptions,
    invoices: totals.invoices,
    copyEvents: totals.copy_events,
    likes: totals.likes,
    saves: totals.saves,
    credits,
    payouts: totals.payouts,
  };
}
