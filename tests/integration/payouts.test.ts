import { and, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { upsertCreatorAccount } from "@/db/queries/creator-accounts";
import { reopenPayoutForRetry } from "@/db/queries/payouts";
import { queryRows } from "@/db/rows";
import { creatorCredits, emailOutbox, payouts, type Payout } from "@/db/schema";
import { handleStripeEvent } from "@/lib/billing/webhooks/dispatch";
import { transferIdempotencyKey } from "@/lib/payouts/keys";
import { PAYOUT_LOCK_KEY, PayoutJobRunningError } from "@/lib/payouts/lock";
import { retryFailedPayouts } from "@/lib/payouts/retry";
import { runMonthlyPayouts } from "@/lib/payouts/run";
import { MAX_PAYOUT_ATTEMPTS } from "@/lib/payouts/settle";
import { transferParamsFor, type PayoutHooks } from "@/lib/payouts/transfer";
import { createTestDb, type TestDb } from "../helpers/db";
import { makeFlows, makeSubscription, makeUser } from "../helpers/world";
import { startTestSandbox, submitForm, type TestSandbox } from "../sandbox/helpers";

// Exact cents for the monthly payout run, against a real database and the in-process Stripe sandbox.
// Every credit is 7 cents ($0.07).

let t: TestDb;
let sandbox: TestSandbox;
let stripe: Stripe;

beforeAll(async () => {
  t = await createTestDb();
  sandbox = await startTestSandbox();
  stripe = sandbox.stripe;
});
afterAll(async () => {
  await sandbox?.close();
  await t?.close();
});
beforeEach(async () => t.reset());

const at = (iso: string) => new Date(iso);
const OCT_RUN = at("2026-11-01T01:00:00Z");
const NOV_RUN = at("2026-12-01T01:00:00Z");
const DEC_RUN = at("2027-01-01T01:00:00Z");

class Killed extends Error {}

// ---------------------------------------------------------------------------------------------------------------
// A small world: creators with one premium flow each, one paying subscriber, credits inserted as the lifecycle
// leaves them (pending / earned at a given time), Connect accounts created and onboarded through the sandbox.

let periodSeq = 0;

async function world() {
  const reader = await makeUser(t.db, "Reader");
  const subscription = await makeSubscription(t.db, reader.tenant.id);
  return { reader, subscription };
}
type World = Awaited<ReturnType<typeof world>>;

async function makeCreator(name: string) {
  const { user, tenant } = await makeUser(t.db, name);
  const [slug] = await makeFlows(t.db, { userId: user.id, tenantId: tenant.id }, 1);
  const [flow] = await queryRows<{ id: string }>(t.db, sql`select id from flows where slug = ${slug!}`);
  return { id: user.id, email: user.email, tenantId: tenant.id, flowId: flow!.id, accountId: null as string | null };
}
type Creator = Awaited<ReturnType<typeof makeCreator>>;

/** `count` qualifying copies of the creator's flow, each with its own period so each can be reversed alone. */
async function grantCredits(
  w: World,
  creator: Creator,
  count: number,
  opts: { earnedAt: Date | null; status?: "earned" | "pending" },
) {
  const base = new Date(Date.UTC(2026, 0, 1) + (periodSeq += 1) * 10_000_000);
  const status = opts.status ?? "earned";
  const invoice = status === "earned" ? await invoiceId(w) : null;
  const rows = await queryRows<{ id: string; period_start: string }>(
    t.db,
    sql`with ev as (
          insert into copy_events (user_id, tenant_id, flow_id, creator_id, subscription_id, period_start, period_end, counted_for_payout, source, created_at)
          select ${w.reader.user.id}, ${w.reader.tenant.id}, ${creator.flowId}, ${creator.id}, ${w.subscription.id},
                 ${base.toISOString()}::timestamptz + make_interval(secs => g),
                 ${base.toISOString()}::timestamptz + make_interval(secs => g) + interval '30 days', true, 'web',
                 ${base.toISOString()}::timestamptz + make_interval(secs => g)
          from generate_series(1, ${count}::int) g
          returning id, period_start, period_end)
        insert into creator_credits (creator_id, copy_event_id, subscriber_id, subscription_id, invoice_id, period_start, period_end, amount_cents, status, earned_at)
        select ${creator.id}, ev.id, ${w.reader.user.id}, ${w.subscription.id}, ${invoice}::uuid, ev.period_start, ev.period_end, 7, ${status},
               ${opts.earnedAt ? opts.earnedAt.toISOString() : null}::timestamptz
        from ev
        returning id, period_start::text`,
  );
  return rows.map((r) => ({ id: r.id, periodStart: new Date(r.period_start) }));
}

/** A refund of the invoice that paid these credits' periods: reversed as the lifecycle leaves them (a paid-out one keeps its payout). */
async function reverseCredits(w: World, credits: { periodStart: Date }[], reversedAt: Date) {
  for (const c of credits) {
    await t.db.execute(sql`
      update creator_credits set status = 'reversed', reversed_at = ${reversedAt.toISOString()}::timestamptz
      where subscription_id = ${w.subscription.id} and period_start = ${c.periodStart.toISOString()}::timestamptz
        and status in ('pending', 'earned', 'paid_out')`);
  }
}

let cachedInvoice: { sub: string; id: string } | null = null;
async function invoiceId(w: World): Promise<string> {
  if (cachedInvoice?.sub === w.subscription.id) return cachedInvoice.id;
  const [row] = await queryRows<{ id: string }>(
    t.db,
    sql`insert into invoices (tenant_id, subscription_id, stripe_invoice_id, status, amount_due_cents, amount_paid_cents, period_start, period_end, paid_at)
        values (${w.reader.tenant.id}, ${w.subscription.id}, ${`in_${Math.random().toString(36).slice(2)}`}, 'paid', 1000, 1000, now(), now() + interval '30 days', now())
        returning id`,
  );
  cachedInvoice = { sub: w.subscription.id, id: row!.id };
  return row!.id;
}

/** A Connect account for the creator, as the app stores it when the creator starts onboarding. */
async function connect(creator: Creator) {
  const account = await stripe.accounts.create({
    type: "express",
    email: creator.email,
    capabilities: { transfers: { requested: true } },
    metadata: { userId: creator.id },
  });
  creator.accountId = account.id;
  await upsertCreatorAccount(t.db, {
    userId: creator.id,
    stripeAccountId: account.id,
    detailsSubmitted: false,
    chargesEnabled: false,
    payoutsEnabled: false,
    transfersCapability: account.capabilities?.transfers ?? "inactive",
    requirementsDue: account.requirements?.currently_due ?? [],
  });
}

/** The hosted onboarding form, then the account.updated event applied through the real webhook handler. */
async function onboard(creator: Creator) {
  if (!creator.accountId) await connect(creator);
  const link = await stripe.accountLinks.create({
    account: creator.accountId!,
    refresh_url: "http://localhost:3000/creator/payouts",
    return_url: "http://localhost:3000/creator/payouts",
    type: "account_onboarding",
  });
  const response = await submitForm(link.url, { name: "Test Creator", country: "US", bank_account: "000123456789" });
  expect(response.status).toBe(303);
  const events = await stripe.events.list({ type: "account.updated", limit: 100 });
  const event = events.data.find((e) => (e.data.object as Stripe.Account).id === creator.accountId)!;
  expect(await handleStripeEvent(t.db, event, stripe)).toBe("applied");
}

async function onboardedCreator(name: string) {
  const creator = await makeCreator(name);
  await onboard(creator);
  return creator;
}

async function transfersTo(creator: Creator) {
  const list = await stripe.transfers.list({ destination: creator.accountId!, limit: 100 });
  return list.data;
}

async function payoutOf(creator: Creator, month: string): Promise<Payout | undefined> {
  const [row] = await t.db
    .select()
    .from(payouts)
    .where(and(eq(payouts.creatorId, creator.id), eq(payouts.month, month)));
  return row;
}

async function creditStatuses(creator: Creator) {
  const rows = await queryRows<{ status: string; n: number; cents: number }>(
    t.db,
    sql`select status, count(*)::int as n, sum(amount_cents)::int as cents from creator_credits where creator_id = ${creator.id} group by status order by status`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, { n: r.n, cents: r.cents }]));
}

/** The ledger invariant: a payout's amount is what it holds minus what it deducted, to the cent, for every payout. */
async function expectLedgerAgrees() {
  const rows = await queryRows<{ id: string; amount: number; held: number; deducted: number }>(
    t.db,
    sql`select p.id, p.amount_cents as amount,
          coalesce((select sum(amount_cents) from creator_credits c where c.payout_id = p.id), 0)::int as held,
          coalesce((select sum(amount_cents) from creator_credits c where c.deducted_in_payout_id = p.id), 0)::int as deducted
        from payouts p`,
  );
  for (const r of rows) expect(r.amount, `payout ${r.id}`).toBe(r.held - r.deducted);
  const [orphans] = await queryRows<{ n: number }>(
    t.db,
    sql`select count(*)::int as n from creator_credits c join payouts p on p.id = c.payout_id where p.status = 'paid' and c.status = 'earned'`,
  );
  expect(orphans!.n, "earned credits left on a paid payout").toBe(0);
}

async function emailsOfKind(kind: string) {
  return t.db.select().from(emailOutbox).where(eq(emailOutbox.kind, kind));
}

const run = (month: string, now: Date, extra: { hooks?: PayoutHooks; stripe?: Stripe } = {}) =>
  runMonthlyPayouts(t.db, { month, now, stripe: extra.stripe ?? stripe, hooks: extra.hooks });

// ---------------------------------------------------------------------------------------------------------------

describe("runMonthlyPayouts: which credits a month pays", () => {
  it("a month that mixes a small creator, a late credit, a refund after payout and a creator not onboarded", async () => {
    const w = await world();
    const ann = await onboardedCreator("Ann");
    const ben = await onboardedCreator("Ben");
    const cat = await makeCreator("Cat");
    await connect(cat); // started onboarding, never finished: transfers inactive

    const annOctober = await grantCredits(w, ann, 180, { earnedAt: at("2026-10-15T12:00:00Z") }); // 180 x 7 = 1260 = $12.60
    await grantCredits(w, ann, 10, { earnedAt: at("2026-11-01T00:30:00Z") }); // earned after October ended: November's
    await grantCredits(w, ann, 20, { earnedAt: null, status: "pending" }); // period not paid yet: nobody's
    await grantCredits(w, ben, 100, { earnedAt: at("2026-10-20T00:00:00Z") }); // 700 = $7.00, under the $10 threshold
    await grantCredits(w, cat, 200, { earnedAt: at("2026-10-03T00:00:00Z") }); // 1400 = $14.00, not onboarded

    const october = await run("2026-10", OCT_RUN);
    expect(october).toMatchObject({
      month: "2026-10",
      creators: 3,
      paid: [{ creatorId: ann.id, amountCents: 1260 }], // $12.60
      alreadyPaid: [],
      failed: [],
      totalPaidCents: 1260,
    });
    expect(october.carriedForward).toEqual([{ creatorId: ben.id, amountCents: 700, reason: "below_threshold" }]); // $7.00
    expect(october.skippedNotOnboarded).toEqual([
      { creatorId: cat.id, amountCents: 1400, reason: "transfers_inactive" },
    ]); // $14.00

    const annOct = (await payoutOf(ann, "2026-10"))!;
    expect(annOct).toMatchObject({ status: "paid", amountCents: 1260, attempts: 0, needsAdmin: false });
    expect(await payoutOf(ben, "2026-10")).toBeUndefined(); // carrying forward writes nothing
    expect(await payoutOf(cat, "2026-10")).toBeUndefined();
    expect(await creditStatuses(ann)).toEqual({
      paid_out: { n: 180, cents: 1260 },
      earned: { n: 10, cents: 70 },
      pending: { n: 20, cents: 140 },
    });
    expect(await creditStatuses(ben)).toEqual({ earned: { n: 100, cents: 700 } });

    const [annTransfer] = await transfersTo(ann);
    expect(annTransfer).toMatchObject({
      amount: 1260,
      currency: "usd",
      transfer_group: "payouts-2026-10",
      metadata: { payoutId: annOct.id, creatorId: ann.id, month: "2026-10" },
    });
    expect(annOct.stripeTransferId).toBe(annTransfer!.id);

    // November: a subscriber's refund reverses one of Ann's paid-out October credits (7c); Ben earns more; Cat onboards.
    await reverseCredits(w, annOctober.slice(0, 1), at("2026-11-10T00:00:00Z"));
    await grantCredits(w, ann, 150, { earnedAt: at("2026-11-20T00:00:00Z") }); // 1050
    await grantCredits(w, ben, 50, { earnedAt: at("2026-11-05T00:00:00Z") }); // 350
    await onboard(cat);

    const november = await run("2026-11", NOV_RUN);
    const paid = Object.fromEntries(november.paid.map((p) => [p.creatorId, p.amountCents]));
    expect(paid).toEqual({
      [ann.id]: 1113, // 1050 + 70 (the late October credit) - 7 (the reversal) = $11.13
      [ben.id]: 1050, // 700 carried + 350 = $10.50
      [cat.id]: 1400, // accrued while not onboarded = $14.00
    });
    expect(november.totalPaidCents).toBe(3563); // $35.63
    expect(november.carriedForward).toEqual([]);
    expect(november.skippedNotOnboarded).toEqual([]);

    const annNov = (await payoutOf(ann, "2026-11"))!;
    const [reversed] = await t.db.select().from(creatorCredits).where(eq(creatorCredits.id, annOctober[0]!.id));
    expect(reversed).toMatchObject({ status: "reversed", payoutId: annOct.id, deductedInPayoutId: annNov.id });
    expect((await transfersTo(ann)).map((tr) => tr.amount).sort()).toEqual([1113, 1260]);
    expect((await transfersTo(ben)).map((tr) => tr.amount)).toEqual([1050]);
    expect((await transfersTo(cat)).map((tr) => tr.amount)).toEqual([1400]);
    await expectLedgerAgrees();

    // A reversal is deducted once: December pays December only.
    await grantCredits(w, ann, 200, { earnedAt: at("2026-12-02T00:00:00Z") }); // 1400
    const december = await run("2026-12", DEC_RUN);
    expect(december.paid).toEqual([expect.objectContaining({ creatorId: ann.id, amountCents: 1400 })]); // $14.00
    expect(await emailsOfKind("payout_paid")).toHaveLength(5);
    await expectLedgerAgrees();
  });

  it("a refund bigger than the new earnings carries a negative balance forward, deducted in full later", async () => {
    const w = await world();
    const fay = await onboardedCreator("Fay");
    const october = await grantCredits(w, fay, 180, { earnedAt: at("2026-10-10T00:00:00Z") }); // 1260
    expect((await run("2026-10", OCT_RUN)).paid).toEqual([expect.objectContaining({ amountCents: 1260 })]);

    await reverseCredits(w, october.slice(0, 160), at("2026-11-02T00:00:00Z")); // 160 x 7 = 1120 paid out, then refunded
    await grantCredits(w, fay, 10, { earnedAt: at("2026-11-12T00:00:00Z") }); // 70
    const november = await run("2026-11", NOV_RUN);
    expect(november.carriedForward).toEqual([{ creatorId: fay.id, amountCents: -1050, reason: "negative_balance" }]); // 70 - 1120 = -$10.50
    expect(november.paid).toEqual([]);
    expect(await payoutOf(fay, "2026-11")).toBeUndefined();
    const [undeducted] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from creator_credits where creator_id = ${fay.id} and status = 'reversed' and deducted_in_payout_id is null`,
    );
    expect(undeducted!.n).toBe(160);

    await grantCredits(w, fay, 320, { earnedAt: at("2026-12-01T00:00:00Z") }); // 2240, earned in December
    const december = await run("2026-12", DEC_RUN);
    expect(december.paid).toEqual([expect.objectContaining({ creatorId: fay.id, amountCents: 1190 })]); // 70 + 2240 - 1120 = $11.90
    expect((await transfersTo(fay)).map((tr) => tr.amount).sort()).toEqual([1190, 1260]);
    await expectLedgerAgrees();
  });

  it("refuses a month that is not over, and a malformed month, writing nothing", async () => {
    await expect(run("2026-11", at("2026-11-30T23:59:59Z"))).rejects.toMatchObject({
      code: "validation_failed",
      field: "month",
    });
    await expect(run("2026-13", OCT_RUN)).rejects.toThrow(/YYYY-MM/);
    expect(await t.db.select().from(payouts)).toEqual([]);
  });
});

describe("failures and retries", () => {
  it("a transfer that fails once is retried after the backoff with a new key, and pays once", async () => {
    const w = await world();
    const gus = await onboardedCreator("Gus");
    await grantCredits(w, gus, 150, { earnedAt: at("2026-10-01T00:00:00Z") }); // 1050
    await sandbox.post("transfers/fail-next", { count: 1 });

    const first = await run("2026-10", OCT_RUN);
    expect(first.paid).toEqual([]);
    expect(first.failed).toEqual([
      expect.objectContaining({
        creatorId: gus.id,
        amountCents: 1050,
        attempts: 1,
        needsAdmin: false,
        nextAttemptAt: "2026-11-01T02:00:00.000Z",
      }),
    ]);
    const failed = (await payoutOf(gus, "2026-10"))!;
    expect(failed).toMatchObject({ status: "failed", attempts: 1, amountCents: 1050 });
    expect(failed.lastError).toMatch(/balance_insufficient/);
    expect(await creditStatuses(gus)).toEqual({ earned: { n: 150, cents: 1050 } }); // held by the payout, not lost
    expect(await transfersTo(gus)).toEqual([]);

    // A re-run of the month leaves a failed payout to the retry pass; before the backoff nothing is due.
    expect((await run("2026-10", at("2026-11-01T01:10:00Z"))).failed).toHaveLength(1);
    expect(await retryFailedPayouts(t.db, { now: at("2026-11-01T01:59:00Z"), stripe })).toMatchObject({ attempted: 0 });

    const retry = await retryFailedPayouts(t.db, { now: at("2026-11-01T02:00:00Z"), stripe });
    expect(retry).toMatchObject({
      attempted: 1,
      failed: [],
      totalPaidCents: 1050,
      paid: [expect.objectContaining({ payoutId: failed.id, amountCents: 1050 })],
    });
    const paid = (await payoutOf(gus, "2026-10"))!;
    expect(paid).toMatchObject({ status: "paid", attempts: 1, lastError: null });
    expect(await creditStatuses(gus)).toEqual({ paid_out: { n: 150, cents: 1050 } });
    const transfers = await transfersTo(gus);
    expect(transfers.map((tr) => tr.amount)).toEqual([1050]);

    // The keys Stripe saw: the first attempt's key replays its failure, the retry's key replays the transfer.
    const params = transferParamsFor(paid, gus.accountId!);
    expect(transferIdempotencyKey({ ...paid, attempts: 0 })).toBe(`payout:${gus.id}:2026-10`);
    await expect(stripe.transfers.create(params, { idempotencyKey: `payout:${gus.id}:2026-10` })).rejects.toMatchObject(
      { code: "balance_insufficient" },
    );
    const replayed = await stripe.transfers.create(params, { idempotencyKey: `payout:${gus.id}:2026-10:retry-1` });
    expect(replayed.id).toBe(transfers[0]!.id);
    expect(await transfersTo(gus)).toHaveLength(1);
    await expectLedgerAgrees();
  });

  it("after 5 failed attempts the payout needs an admin and the creator gets one email; an admin retry pays it", async () => {
    const w = await world();
    const hal = await onboardedCreator("Hal");
    await grantCredits(w, hal, 160, { earnedAt: at("2026-10-01T00:00:00Z") }); // 1120
    await sandbox.post("transfers/fail-next", { count: MAX_PAYOUT_ATTEMPTS });

    await run("2026-10", OCT_RUN);
    const waits: number[] = [];
    for (let attempt = 2; attempt <= MAX_PAYOUT_ATTEMPTS; attempt++) {
      const before = (await payoutOf(hal, "2026-10"))!;
      waits.push((before.nextAttemptAt!.getTime() - before.updatedAt.getTime()) / 3_600_000);
      const retry = await retryFailedPayouts(t.db, { now: before.nextAttemptAt!, stripe });
      expect(retry.attempted).toBe(1);
    }
    expect(waits).toEqual([1, 4, 16, 64]); // hours of backoff after failures 1..4
    const exhausted = (await payoutOf(hal, "2026-10"))!;
    expect(exhausted).toMatchObject({
      status: "failed",
      attempts: 5,
      needsAdmin: true,
      nextAttemptAt: null,
      amountCents: 1120,
    });
    const failedMail = await emailsOfKind("payout_failed");
    expect(failedMail).toHaveLength(1);
    expect(failedMail[0]).toMatchObject({ toAddress: hal.email, dedupeKey: `payout-failed:${exhausted.id}` });
    expect(failedMail[0]!.textBody).toContain("$11.20");
    expect(await retryFailedPayouts(t.db, { now: at("2027-06-01T00:00:00Z"), stripe })).toMatchObject({ attempted: 0 });
    expect(await transfersTo(hal)).toEqual([]);

    // An admin asks for one more attempt (the sixth key: retry-5).
    const now = at("2026-11-10T00:00:00Z");
    await reopenPayoutForRetry(t.db, { payoutId: exhausted.id, now });
    expect((await retryFailedPayouts(t.db, { now, stripe })).paid).toEqual([
      expect.objectContaining({ amountCents: 1120 }),
    ]);
    expect(await creditStatuses(hal)).toEqual({ paid_out: { n: 160, cents: 1120 } });
    expect((await transfersTo(hal)).map((tr) => tr.amount)).toEqual([1120]);
    expect(await emailsOfKind("payout_failed")).toHaveLength(1);
    expect(await emailsOfKind("payout_paid")).toHaveLength(1);
  });
});

describe("never twice", () => {
  async function twoCreators() {
    const w = await world();
    const ivy = await onboardedCreator("Ivy");
    const jon = await onboardedCreator("Jon");
    await grantCredits(w, ivy, 200, { earnedAt: at("2026-10-05T00:00:00Z") }); // 1400
    await grantCredits(w, jon, 143, { earnedAt: at("2026-10-06T00:00:00Z") }); // 1001
    return { ivy, jon };
  }

  async function expectPaidOnce(creators: Creator[], amounts: number[]) {
    for (const [i, creator] of creators.entries()) {
      expect(
        (await transfersTo(creator)).map((tr) => tr.amount),
        creator.id,
      ).toEqual([amounts[i]]);
      expect(await payoutOf(creator, "2026-10")).toMatchObject({ status: "paid", amountCents: amounts[i] });
    }
    expect(await t.db.select().from(payouts)).toHaveLength(creators.length);
    expect(await emailsOfKind("payout_paid")).toHaveLength(creators.length);
    await expectLedgerAgrees();
  }

  it("running the month twice pays nobody twice", async () => {
    const { ivy, jon } = await twoCreators();
    const first = await run("2026-10", OCT_RUN);
    expect(first.totalPaidCents).toBe(2401); // 1400 + 1001 = $24.01
    const second = await run("2026-10", at("2026-11-02T00:00:00Z"));
    expect(second).toMatchObject({ paid: [], failed: [], totalPaidCents: 0 });
    expect(second.alreadyPaid.map((p) => p.amountCents).sort()).toEqual([1001, 1400]);
    await expectPaidOnce([ivy, jon], [1400, 1001]);
  });

  it("a run killed after the transfer call, before its database write, ends right when run again", async () => {
    const { ivy, jon } = await twoCreators();
    const kill: PayoutHooks = {
      afterTransfer: () => {
        throw new Killed("killed after the transfer call");
      },
    };
    await expect(run("2026-10", OCT_RUN, { hooks: kill })).rejects.toBeInstanceOf(Killed);
    const [stuck] = await t.db.select().from(payouts);
    expect(stuck).toMatchObject({ status: "processing", attempts: 0, stripeTransferId: null });
    const stuckCreator = stuck!.creatorId === ivy.id ? ivy : jon;
    const [sent] = await transfersTo(stuckCreator);
    expect(sent!.metadata).toMatchObject({ payoutId: stuck!.id });

    // What a resumed attempt would send under the same key: Stripe's stored transfer, not a new one.
    const replay = await stripe.transfers.create(transferParamsFor(stuck!, stuckCreator.accountId!), {
      idempotencyKey: transferIdempotencyKey(stuck!),
    });
    expect(replay.id).toBe(sent!.id);

    const again = await run("2026-10", at("2026-11-01T01:05:00Z"));
    expect(again.paid.find((p) => p.payoutId === stuck!.id)).toMatchObject({ transferId: sent!.id });
    await expectPaidOnce([ivy, jon], [1400, 1001]);
  });

  it("a run killed after the payout row is written, before the transfer call, ends right when run again", async () => {
    const { ivy, jon } = await twoCreators();
    await expect(
      run("2026-10", OCT_RUN, {
        hooks: {
          beforeTransfer: () => {
            throw new Killed("killed before the transfer call");
          },
        },
      }),
    ).rejects.toBeInstanceOf(Killed);
    const [stuck] = await t.db.select().from(payouts);
    expect(stuck).toMatchObject({ status: "processing" });
    expect([...(await transfersTo(ivy)), ...(await transfersTo(jon))]).toEqual([]);
    await run("2026-10", at("2026-11-01T01:05:00Z"));
    await expectPaidOnce([ivy, jon], [1400, 1001]);
  });

  it("a run killed after a payout's database write ends right when run again", async () => {
    const { ivy, jon } = await twoCreators();
    await expect(
      run("2026-10", OCT_RUN, {
        hooks: {
          afterConfirm: () => {
            throw new Killed("killed after the write");
          },
        },
      }),
    ).rejects.toBeInstanceOf(Killed);
    // Killed right after its first confirmation: on PostgreSQL the other creator may have been in flight too.
    const written = await t.db.select().from(payouts);
    expect(written.length).toBeGreaterThanOrEqual(1);
    expect(written.every((p) => p.status === "paid")).toBe(true);
    const again = await run("2026-10", at("2026-11-01T01:05:00Z"));
    expect(again.alreadyPaid).toHaveLength(written.length);
    expect(again.paid).toHaveLength(2 - written.length);
    await expectPaidOnce([ivy, jon], [1400, 1001]);
  });

  it("a transfer whose response was lost is found in Stripe by the retry instead of being sent again", async () => {
    const { ivy, jon } = await twoCreators();
    const lossy = {
      transfers: {
        create: async (params: Stripe.TransferCreateParams, options: Stripe.RequestOptions) => {
          await stripe.transfers.create(params, options);
          throw new Stripe.errors.StripeConnectionError({ message: "socket hang up" });
        },
        list: (params: Stripe.TransferListParams) => stripe.transfers.list(params),
      },
    } as unknown as Stripe;
    const first = await run("2026-10", OCT_RUN, { stripe: lossy });
    expect(first.failed.map((f) => f.error)).toEqual([
      expect.stringContaining("socket hang up"),
      expect.stringContaining("socket hang up"),
    ]);
    expect((await transfersTo(ivy)).length + (await transfersTo(jon)).length).toBe(2);

    const retry = await retryFailedPayouts(t.db, { now: at("2026-11-01T02:00:00Z"), stripe });
    expect(retry).toMatchObject({ attempted: 2, totalPaidCents: 2401 });
    await expectPaidOnce([ivy, jon], [1400, 1001]);
  });

  it("two concurrent runs: one does the work, the other is told a run is in progress", async () => {
    const { ivy, jon } = await twoCreators();
    // The first run holds the lock while a second run and a retry pass try to start: both are refused at once.
    let refusedWhileRunning: PromiseSettledResult<unknown>[] = [];
    const hooks: PayoutHooks = {
      beforeTransfer: async () => {
        if (refusedWhileRunning.length === 0) {
          refusedWhileRunning = await Promise.allSettled([
            run("2026-10", OCT_RUN),
            retryFailedPayouts(t.db, { now: OCT_RUN, stripe }),
          ]);
        }
      },
    };
    await run("2026-10", OCT_RUN, { hooks });
    const refused = refusedWhileRunning.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused).toHaveLength(2);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(PayoutJobRunningError);
      expect(r.reason).toMatchObject({ code: "conflict", status: 409 });
    }
    await expectPaidOnce([ivy, jon], [1400, 1001]);
  });

  it.runIf(process.env.DATABASE_URL)(
    "PostgreSQL: a run is refused while another process holds the advisory lock",
    async () => {
      const { ivy, jon } = await twoCreators();
      const other = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
      try {
        await other.unsafe(`select pg_advisory_lock(${PAYOUT_LOCK_KEY})`);
        await expect(run("2026-10", OCT_RUN)).rejects.toBeInstanceOf(PayoutJobRunningError);
        expect(await t.db.select().from(payouts)).toEqual([]);
        await other.unsafe(`select pg_advisory_unlock(${PAYOUT_LOCK_KEY})`);
        await run("2026-10", OCT_RUN);
        await expectPaidOnce([ivy, jon], [1400, 1001]);
      } finally {
        await other.end({ timeout: 5 });
      }
    },
  );
});
