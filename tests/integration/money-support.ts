// Shared by the money tests: a real database, an in-process Stripe sandbox (its own webhook delivery off: the tests
// deliver signed events through the dispatcher), creators onboarded through the hosted Connect page, subscribers
// through the app's checkout. Nothing is inserted by hand.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, asc, eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { expect } from "vitest";
import { upsertCreatorAccount } from "@/db/queries/creator-accounts";
import { queryRows } from "@/db/rows";
import { creatorCredits, payouts, type CreditStatus } from "@/db/schema";
import type { Db } from "@/db/types";
import { recordCopy, type CopyResult } from "@/lib/copies/record-copy";
import { createTestDb, type TestDb } from "../helpers/db";
import { makeFlows, makeUser } from "../helpers/world";
import { WEBHOOK_SECRET, startTestSandbox, submitForm, type TestSandbox } from "../sandbox/helpers";
import { Deliverer, VISA, subscribe, type Subscriber } from "./billing-support";

export type MoneyWorld = { t: TestDb; db: Db; sandbox: TestSandbox; stripe: Stripe; send: Deliverer };

/** A database and a sandbox for one test file; the app's billing code (getStripe) talks to this sandbox. */
export async function openMoneyWorld(): Promise<MoneyWorld> {
  const sandbox = await startTestSandbox();
  delete process.env.STRIPE_SECRET_KEY;
  process.env.STRIPE_SANDBOX_URL = sandbox.url;
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
  process.env.PGLITE_DIR ??= join(mkdtempSync(join(tmpdir(), "flowtab-money-")), "pglite");
  const t = await createTestDb();
  return { t, db: t.db, sandbox, stripe: sandbox.stripe, send: new Deliverer(() => t.db, sandbox.stripe) };
}

export async function closeMoneyWorld(w: MoneyWorld | undefined) {
  await w?.t.close();
  await w?.sandbox.close();
}

/** The sandbox clock as a Date (copies made after the clock moved carry this time). */
export async function sandboxNow(w: MoneyWorld): Promise<Date> {
  const { now } = await w.sandbox.get<{ now: number }>("now");
  return new Date(now * 1000);
}

export type Creator = { id: string; email: string; tenantId: string; slugs: string[]; accountId: string };

/** A creator with `flows` premium flows who finished Connect onboarding on the hosted page (account.updated applied). */
export async function onboardedCreator(w: MoneyWorld, name: string, flows = 10): Promise<Creator> {
  const { user, tenant } = await makeUser(w.db, name);
  const slugs = await makeFlows(w.db, { userId: user.id, tenantId: tenant.id }, flows);
  const account = await w.stripe.accounts.create({
    type: "express",
    email: user.email,
    capabilities: { transfers: { requested: true } },
    metadata: { userId: user.id },
  });
  await upsertCreatorAccount(w.db, {
    userId: user.id,
    stripeAccountId: account.id,
    detailsSubmitted: false,
    chargesEnabled: false,
    payoutsEnabled: false,
    transfersCapability: "inactive",
    requirementsDue: [],
  });
  const link = await w.stripe.accountLinks.create({
    account: account.id,
    refresh_url: "http://localhost:3000/creator/payouts",
    return_url: "http://localhost:3000/creator/payouts",
    type: "account_onboarding",
  });
  const response = await submitForm(link.url, { name, country: "US", bank_account: "000123456789" });
  expect(response.status).toBe(303);
  const events = await w.stripe.events.list({ type: "account.updated", limit: 100 });
  for (const event of events.data.filter((e) => (e.data.object as Stripe.Account).id === account.id).reverse()) {
    await w.send.deliver(event);
  }
  return { id: user.id, email: user.email, tenantId: tenant.id, slugs, accountId: account.id };
}

/** A subscriber who paid the first month with a card at checkout; every event so far delivered. */
export async function payingSubscriber(w: MoneyWorld, name: string): Promise<Subscriber> {
  const s = await subscribe(w.db, w.sandbox, name, { trial: false, card: VISA });
  await w.send.deliverPending(w.sandbox, s.customerId);
  return s;
}

/**
 * Copies each flow once, in order, through the copy engine (synced from the sandbox when the period is stale), at
 * the sandbox's time unless `now` is given.
 */
export async function copyFlows(
  w: MoneyWorld,
  s: { userId: string },
  slugs: string[],
  options: { now?: Date; idempotencyKey?: string } = {},
): Promise<CopyResult[]> {
  const results: CopyResult[] = [];
  // At the sandbox's time (a test may have moved its clock), one copy a second: the rate limit counts per minute.
  const start = options.now ?? (await sandboxNow(w));
  for (const [i, slug] of slugs.entries()) {
    const now = new Date(start.getTime() + i * 1000);
    results.push(
      await recordCopy(w.db, {
        userId: s.userId,
        slug,
        source: "web",
        now,
        idempotencyKey: options.idempotencyKey,
        stripe: w.stripe,
      }),
    );
  }
  return results;
}

/** Credits of one subscriber, summed by status in cents. */
export async function creditsBy(w: MoneyWorld, subscriberId: string): Promise<Partial<Record<CreditStatus, number>>> {
  const rows = await w.db
    .select({ status: creatorCredits.status, cents: sql<number>`sum(${creatorCredits.amountCents})::int` })
    .from(creatorCredits)
    .where(eq(creatorCredits.subscriberId, subscriberId))
    .groupBy(creatorCredits.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.cents]));
}

/** The subscriber's credits, oldest copy first, with their status. */
export async function creditRows(w: MoneyWorld, subscriberId: string) {
  return w.db
    .select()
    .from(creatorCredits)
    .where(eq(creatorCredits.subscriberId, subscriberId))
    .orderBy(asc(creatorCredits.createdAt), asc(creatorCredits.id));
}

export async function payoutOf(w: MoneyWorld, creatorId: string, month: string) {
  const [row] = await w.db
    .select()
    .from(payouts)
    .where(and(eq(payouts.creatorId, creatorId), eq(payouts.month, month)));
  return row;
}

/** Every payout's amount is what it holds minus what it deducted, to the cent. */
export async function expectPayoutsAddUp(w: MoneyWorld) {
  const rows = await queryRows<{ id: string; amount: number; held: number; deducted: number }>(
    w.db,
    sql`select p.id, p.amount_cents as amount,
          coalesce((select sum(amount_cents) from creator_credits c where c.payout_id = p.id), 0)::int as held,
          coalesce((select sum(amount_cents) from creator_credits c where c.deducted_in_payout_id = p.id), 0)::int as deducted
        from payouts p`,
  );
  for (const r of rows)
    expect(r.amount, `payout ${r.id}: held ${r.held} - deducted ${r.deducted}`).toBe(r.held - r.deducted);
}

/** What Stripe transferred to an account, net of reversals, in cents. */
export async function transferredTo(w: MoneyWorld, accountId: string): Promise<number> {
  const list = await w.stripe.transfers.list({ destination: accountId, limit: 100 });
  return list.data.reduce((sum, t) => sum + t.amount - t.amount_reversed, 0);
}
