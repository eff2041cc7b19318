// The end of a simulated sequence: Stripe's last events are delivered, the month ends and its payout run pays what
// is due, the retry pass runs once the backoffs are over (and a month more when reversals wait to be deducted). Each
// run is checked against the contract's rule.
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { queryRows } from "@/db/rows";
import { previousMonth } from "@/lib/payouts/month";
import { retryFailedPayouts } from "@/lib/payouts/retry";
import { runMonthlyPayouts } from "@/lib/payouts/run";
import { copyBatch } from "./actions";
import type { SimWorld } from "./world";

/** PRODUCT.md "Money and payouts": below $10 a creator's balance carries forward. */
export const PAYOUT_THRESHOLD_CENTS = 1_000;

/**
 * What a payout cut at `before` pays each creator (lib/payouts/README.md, written here from the rule, not from the
 * app's query): earned credits no payout holds, earned before the cut, minus credits reversed before the cut after
 * a paid payout paid them and not yet deducted.
 */
export async function payableCents(sim: SimWorld, before: Date): Promise<Map<string, number>> {
  const rows = await queryRows<{ creator_id: string; cents: number }>(
    sim.db,
    sql`select c.creator_id,
          (coalesce(sum(c.amount_cents) filter (
             where c.status = 'earned' and c.payout_id is null and c.earned_at < ${before.toISOString()}::timestamptz), 0)
           - coalesce(sum(c.amount_cents) filter (
             where c.status = 'reversed' and p.status = 'paid' and c.deducted_in_payout_id is null
               and c.reversed_at < ${before.toISOString()}::timestamptz), 0))::int as cents
        from creator_credits c left join payouts p on p.id = c.payout_id
        group by c.creator_id`,
  );
  return new Map(rows.map((r) => [r.creator_id, r.cents]));
}

async function payoutsOf(sim: SimWorld, month: string) {
  return queryRows<{ creator_id: string; amount_cents: number; status: string }>(
    sim.db,
    sql`select creator_id, amount_cents, status from payouts where month = ${month}`,
  );
}

/**
 * Stripe's last word: every event delivered; then the month ends and its payout run pays exactly what is payable;
 * the retry pass runs once the backoffs are over. If the creator still owes back reversed credits a paid payout had
 * paid, life goes on for one more month: everyone with access copies 100 of its flows, and that month's run must
 * deduct them (the negative carry-forward).
 */
export async function quiesce(sim: SimWorld, seed: number) {
  await monthEnd(sim, seed);
  if ((await owedBack(sim)) === 0) return;
  for (const who of sim.subscribers.keys()) await copyBatch(sim, who, 0, 100, 0);
  await monthEnd(sim, seed + 7);
}

async function owedBack(sim: SimWorld): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    sim.db,
    sql`select count(*)::int as n from creator_credits c join payouts p on p.id = c.payout_id
        where c.status = 'reversed' and p.status = 'paid' and c.deducted_in_payout_id is null`,
  );
  return row!.n;
}

/**
 * Every event delivered; the month ends; its payout run pays each creator exactly what is payable (a creator at $10
 * or more with an onboarded account gets one payout of that amount, everyone else nothing); then twice, five days
 * later: what those days brought is delivered and the retry pass runs.
 */
async function monthEnd(sim: SimWorld, seed: number) {
  await sim.feed.deliverAll(seed);
  const now = await sim.tick();
  const nextMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 1);
  await sim.advanceTo(nextMonth / 1000);
  await sim.feed.deliverAll(seed);

  const runAt = await sim.tick();
  const month = previousMonth(runAt);
  const cut = new Date(Date.UTC(runAt.getUTCFullYear(), runAt.getUTCMonth(), 1));
  const payable = await payableCents(sim, cut);
  const before = new Set((await payoutsOf(sim, month)).map((p) => p.creator_id));
  await runMonthlyPayouts(sim.db, { month, now: runAt, stripe: sim.stripe });
  const after = new Map((await payoutsOf(sim, month)).map((p) => [p.creator_id, p]));
  for (const [i, creator] of sim.creators.entries()) {
    if (before.has(creator.id)) continue; // paid (or attempted) by a run during the sequence
    const due = payable.get(creator.id) ?? 0;
    const paid = i === 0 && due >= PAYOUT_THRESHOLD_CENTS; // creators[0] is onboarded, creators[1] accrues
    expect(after.get(creator.id)?.amount_cents, `${month} payout of creator ${i} (payable ${due} cents)`).toBe(
      paid ? due : undefined,
    );
  }

  for (let i = 0; i < 2; i++) {
    await sim.advanceTo((await sim.clock()) + 5 * 86_400);
    await sim.feed.deliverAll(seed + i + 1); // what those days brought (renewals, retries, cancellations)
    await retryFailedPayouts(sim.db, { now: await sim.tick(), stripe: sim.stripe });
    await sim.feed.deliverAll(seed + i + 1);
  }
}
