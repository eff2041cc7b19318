// What must hold after every simulated sequence (once quiesce.ts ran). Besides the app's own reconciliation, every
// rule is checked here from the contract's numbers (7 cents, 100 copies, 70%, $10) and an independent reading of
// Stripe, not from lib/'s constants or queries, so a rule broken in lib/ cannot also bend its check.
import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import { expect } from "vitest";
import { getEarningsSummary } from "@/db/queries/earnings";
import { queryRows } from "@/db/rows";
import { runReconciliation } from "@/lib/ledger/reconcile";
import { expectPayoutsAddUp } from "../money-support";
import { PAYOUT_THRESHOLD_CENTS, payableCents } from "./quiesce";
import type { SimWorld } from "./world";

/** PRODUCT.md "The copy": 7 cents per qualifying copy, the first 100 distinct copies of a paid period qualify, a
 * trial's 20 copies pay nobody; "Money": a period's credits never exceed 70% of what was paid for it net of refunds. */
const CREDIT_CENTS = 7;
const PAID_CAP = 100;
const TRIAL_LIMIT = 20;
const CREATOR_PERCENT = 70;
/** Dispute statuses in which Stripe took the funds back (an inquiry moves none; a won dispute returned them). */
const WITHDRAWN = ["needs_response", "under_review", "lost"];

export async function expectReconciled(sim: SimWorld) {
  const result = await runReconciliation(sim.db, sim.stripe, { now: await sim.tick() });
  expect(result.violations, result.violations.map((v) => `${v.check} ${v.row}: ${v.message}`).join("\n")).toEqual([]);
}

type CopyRow = {
  id: string;
  user_id: string;
  flow_id: string;
  creator_id: string;
  subscription_id: string | null;
  stripe_subscription_id: string | null;
  /** Unix seconds. */
  period_start: number;
  counted: boolean;
};
type CreditRow = {
  id: string;
  copy_event_id: string;
  creator_id: string;
  subscriber_id: string;
  subscription_id: string;
  period_start: number;
  amount_cents: number;
  status: string;
  payout_id: string | null;
  payout_paid: boolean;
  deducted_in_payout_id: string | null;
  deducted_in_paid: boolean;
};

async function ledgerRows(sim: SimWorld) {
  const copies = await queryRows<CopyRow>(
    sim.db,
    sql`select e.id, e.user_id, e.flow_id, e.creator_id, e.subscription_id, s.stripe_subscription_id,
          extract(epoch from e.period_start)::float8 as period_start, e.counted_for_payout as counted
        from copy_events e left join subscriptions s on s.id = e.subscription_id
        order by e.user_id, e.period_start, e.created_at, e.id`,
  );
  const credits = await queryRows<CreditRow>(
    sim.db,
    sql`select c.id, c.copy_event_id, c.creator_id, c.subscriber_id, c.subscription_id,
          extract(epoch from c.period_start)::float8 as period_start,
          c.amount_cents, c.status, c.payout_id, coalesce(p.status = 'paid', false) as payout_paid,
          c.deducted_in_payout_id, coalesce(d.status = 'paid', false) as deducted_in_paid
        from creator_credits c
        left join payouts p on p.id = c.payout_id
        left join payouts d on d.id = c.deducted_in_payout_id`,
  );
  return { copies, credits };
}

/** The 1-based positions that are true, as ranges: [t, t, f, t] -> "1-2, 4" ("none" when none is). */
function ranges(flags: boolean[]): string {
  const out: string[] = [];
  for (let i = 0; i < flags.length; i++) {
    if (!flags[i]) continue;
    let j = i;
    while (flags[j + 1]) j++;
    out.push(i === j ? `${i + 1}` : `${i + 1}-${j + 1}`);
    i = j;
  }
  return out.join(", ") || "none";
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * What Stripe says was paid for each subscription period (`sub_...|periodStartUnix`), net of refunds, nothing while
 * a dispute holds the funds; and each subscription's trial start.
 */
async function readStripe(sim: SimWorld) {
  const net = new Map<string, number>();
  const trialStart = new Map<string, number | null>();
  const withdrawn = new Set<string>(); // charges whose funds a dispute took
  for await (const dispute of sim.stripe.disputes.list({ limit: 100 })) {
    if (WITHDRAWN.includes(dispute.status)) withdrawn.add(dispute.charge as string);
  }
  const readCustomer = async (customer: string) => {
    for await (const sub of sim.stripe.subscriptions.list({ customer, status: "all", limit: 100 })) {
      trialStart.set(sub.id, sub.trial_start);
    }
    const charges = new Map<string, Stripe.Charge>();
    for await (const charge of sim.stripe.charges.list({ customer, limit: 100 })) {
      if (charge.status === "succeeded") charges.set(charge.payment_intent as string, charge);
    }
    for await (const invoice of sim.stripe.invoices.list({ customer, limit: 100 })) {
      if (invoice.status !== "paid") continue;
      const line = invoice.lines.data.find(
        (l) => l.parent?.subscription_item_details && !l.parent.subscription_item_details.proration,
      );
      const subscription = invoice.parent?.subscription_details?.subscription as string;
      let refunded = 0;
      let disputed = false;
      if (invoice.amount_paid > 0) {
        for (const payment of (await sim.stripe.invoicePayments.list({ invoice: invoice.id! })).data) {
          const charge = charges.get(payment.payment.payment_intent as string);
          if (!charge) continue;
          refunded += charge.amount_refunded;
          disputed ||= withdrawn.has(charge.id);
        }
      }
      const key = `${subscription}|${line!.period.start}`;
      net.set(key, (net.get(key) ?? 0) + (disputed ? 0 : Math.max(0, invoice.amount_paid - refunded)));
    }
  };
  await Promise.all(sim.subscribers.flatMap((s) => (s.customerId ? [readCustomer(s.customerId)] : [])));
  return { net, trialStart };
}

/**
 * The copy rules and the credits, row by row:
 * - at most one copy per (user, flow, period);
 * - in a trial period at most 20 copies and none qualifies; in a paid period exactly the first 100 qualify;
 * - a qualifying copy has its 7-cent credits for the flow's creator, the copier and the copy's period: one not yet
 *   deducted from a payout (plus the ones reversed and deducted before it was funded again), or only deducted ones
 *   while it is not funded; a copy that does not qualify has none;
 * - in each period exactly the oldest qualifying copies that 70% of what Stripe says was paid net of refunds can
 *   fund (7 cents each) are earned or paid out: that is, what each creator is owed;
 * - no copy is paid twice: per copy, what paid payouts transferred minus what paid payouts deducted is 0 or 7 cents.
 */
export async function expectCopiesAndCredits(sim: SimWorld) {
  const { copies, credits } = await ledgerRows(sim);
  const stripe = await readStripe(sim);
  const creditsOf = groupBy(credits, (c) => c.copy_event_id);
  const owed = new Map<string, number>();
  // Row by row the problems are collected (one assertion at the end lists them all).
  const problems: string[] = [];
  const check = (ok: boolean, problem: () => string) => void (ok || problems.push(problem()));

  for (const group of groupBy(copies, (c) => `${c.user_id}|${c.period_start}`).values()) {
    const label = `user ${group[0]!.user_id} period ${new Date(group[0]!.period_start * 1000).toISOString()}`;
    check(new Set(group.map((c) => c.flow_id)).size === group.length, () => `${label}: two copies of one flow`);
    const sub = group[0]!.stripe_subscription_id;
    check(sub !== null, () => `${label}: a premium copy without a subscription`);
    check(new Set(group.map((c) => c.stripe_subscription_id)).size === 1, () => `${label}: two subscriptions`);
    const trial = stripe.trialStart.get(sub!) === group[0]!.period_start;
    const counted = group.map((c) => c.counted);
    const expected = group.map((_, i) => !trial && i < PAID_CAP);
    check(
      String(counted) === String(expected),
      () => `${label}: of ${group.length} copies, #${ranges(counted)} qualify; expected #${ranges(expected)}`,
    );
    check(!trial || group.length <= TRIAL_LIMIT, () => `${label}: ${group.length} trial copies`);

    const funded = Math.floor(((stripe.net.get(`${sub}|${group[0]!.period_start}`) ?? 0) * CREATOR_PERCENT) / 100);
    const fundedCopies = Math.floor(funded / CREDIT_CENTS);
    const inPlay: boolean[] = [];
    for (const copy of group) {
      const rows = creditsOf.get(copy.id) ?? [];
      if (!copy.counted) {
        check(rows.length === 0, () => `copy ${copy.id} does not qualify, yet has ${rows.length} credits`);
        continue;
      }
      // One credit not deducted; or none, when its credit was reversed and deducted and it is not funded again.
      const current = rows.filter((r) => r.deducted_in_payout_id === null);
      check(rows.length > 0, () => `copy ${copy.id} qualifies, yet has no credit`);
      check(current.length <= 1, () => `copy ${copy.id}: ${current.length} credits not deducted`);
      for (const r of rows) {
        const fields = [r.amount_cents, r.creator_id, r.subscriber_id, r.subscription_id, r.period_start];
        const wanted = [CREDIT_CENTS, copy.creator_id, copy.user_id, copy.subscription_id, copy.period_start];
        check(String(fields) === String(wanted), () => `credit ${r.id} is ${fields}, its copy says ${wanted}`);
        check(
          r.deducted_in_payout_id === null || r.status === "reversed",
          () => `credit ${r.id} deducted while ${r.status}`,
        );
      }
      const live = current[0]?.status === "earned" || current[0]?.status === "paid_out";
      inPlay.push(live);
      if (live) owed.set(copy.creator_id, (owed.get(copy.creator_id) ?? 0) + CREDIT_CENTS);
      const paid = rows.reduce(
        (sum, r) => sum + (r.payout_paid ? r.amount_cents : 0) - (r.deducted_in_paid ? r.amount_cents : 0),
        0,
      );
      check(paid === 0 || paid === CREDIT_CENTS, () => `copy ${copy.id}: paid ${paid} cents`);
    }
    const fundedFirst = inPlay.map((_, i) => i < fundedCopies);
    check(
      String(inPlay) === String(fundedFirst),
      () =>
        `${label}: ${funded} cents fund qualifying copies #${ranges(fundedFirst)}; earned or paid out: #${ranges(inPlay)}`,
    );
  }
  expect(problems, `${problems.length} problems in copies and credits`).toEqual([]);
  return owed;
}

/** What Stripe transferred to an account, net of reversals. */
async function transferred(stripe: Stripe, accountId: string): Promise<number> {
  if (!accountId) return 0;
  let total = 0;
  for await (const t of stripe.transfers.list({ destination: accountId, limit: 100 }))
    total += t.amount - t.amount_reversed;
  return total;
}

/**
 * The payouts, for every creator:
 * - each payout's amount = the credits it holds - the credits deducted in it, at least $10, one per creator and
 *   month, only to an onboarded creator;
 * - what paid payouts paid = what Stripe transferred to the creator's account, net of reversals;
 * - paid payouts + payouts still being attempted + earned credits in no payout - reversals not yet deducted = what
 *   the creator is owed (`owed`, from expectCopiesAndCredits);
 * - the dashboard's available (what the next run would pay) and lifetime paid agree with the ledger and Stripe.
 */
export async function expectPayouts(sim: SimWorld, owed: Map<string, number>) {
  await expectPayoutsAddUp(sim.money);
  const payouts = await queryRows<{ creator_id: string; month: string; amount_cents: number }>(
    sim.db,
    sql`select creator_id, month, amount_cents from payouts`,
  );
  for (const p of payouts) {
    expect(p.amount_cents, `payout ${p.creator_id} ${p.month}`).toBeGreaterThanOrEqual(PAYOUT_THRESHOLD_CENTS);
    expect(p.creator_id, `payout ${p.month}: only the onboarded creator is paid`).toBe(sim.creators[0]!.id);
  }
  expect(new Set(payouts.map((p) => `${p.creator_id}|${p.month}`)).size, "one payout per creator and month").toBe(
    payouts.length,
  );

  const payable = await payableCents(sim, new Date(Date.UTC(9999, 0, 1)));
  for (const [i, creator] of sim.creators.entries()) {
    const [row] = await queryRows<Record<string, number>>(
      sim.db,
      sql`select
        coalesce((select sum(amount_cents) from payouts where creator_id = ${creator.id} and status = 'paid'), 0)::int as paid,
        coalesce((select sum(amount_cents) from payouts where creator_id = ${creator.id} and status <> 'paid'), 0)::int as in_flight,
        coalesce((select sum(amount_cents) from creator_credits where creator_id = ${creator.id}
                  and status = 'earned' and payout_id is null), 0)::int as available,
        coalesce((select sum(amount_cents) from creator_credits where creator_id = ${creator.id}
                  and status = 'reversed' and payout_id is not null and deducted_in_payout_id is null), 0)::int as owed_back`,
    );
    const label = `creator ${i}`;
    const stripePaid = await transferred(sim.stripe, creator.accountId);
    expect(row!.paid, `${label}: paid payouts vs Stripe transfers`).toBe(stripePaid);
    expect(row!.paid + row!.in_flight + row!.available - row!.owed_back, `${label}: ledger vs owed`).toBe(
      owed.get(creator.id) ?? 0,
    );
    const summary = await getEarningsSummary(sim.db, { creatorId: creator.id, now: await sim.tick() });
    expect([summary.availableCents, summary.lifetimePaidCents], `${label}: dashboard available, lifetime paid`).toEqual(
      [payable.get(creator.id) ?? 0, stripePaid],
    );
  }
}
