// Issue 10, case 7: the smaller ledger faults between credits, payouts and Stripe transfers. Every credit comes from a
// real copy, every payout from the real run against the in-process sandbox: nothing is inserted by hand.
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCreatorBalances, reopenPayoutForRetry } from "@/db/queries/payouts";
import { getEarningsSummary } from "@/db/queries/earnings";
import { creatorCredits, payouts } from "@/db/schema";
import { retryFailedPayouts } from "@/lib/payouts/retry";
import { runMonthlyPayouts } from "@/lib/payouts/run";
import type { Subscriber } from "./billing-support";
import {
  closeMoneyWorld,
  copyFlows,
  creditsBy,
  expectPayoutsAddUp,
  onboardedCreator,
  openMoneyWorld,
  payingSubscriber,
  payoutOf,
  transferredTo,
  type Creator,
  type MoneyWorld,
} from "./money-support";

let w: MoneyWorld;
beforeAll(async () => {
  w = await openMoneyWorld();
});
afterAll(() => closeMoneyWorld(w));

// Copies happen now (December 2026); the run for a month may start once the month is over.
const thisMonth = () => new Date().toISOString().slice(0, 7);
const runAt = (month: string, monthsLater = 1) => {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1 + monthsLater, 1, 2));
};
const monthAfter = (month: string, n = 1) => runAt(month, n).toISOString().slice(0, 7);

/** A creator whose flows two paying subscribers copied: 2 x 80 x 7 = 1120 cents, earned now. */
async function earningCreator(name: string): Promise<{ creator: Creator; a: Subscriber; b: Subscriber }> {
  const creator = await onboardedCreator(w, name, 80);
  const a = await payingSubscriber(w, `${name} reader A`);
  const b = await payingSubscriber(w, `${name} reader B`);
  await copyFlows(w, a, creator.slugs);
  await copyFlows(w, b, creator.slugs);
  expect(await creditsBy(w, a.userId)).toEqual({ earned: 560 });
  return { creator, a, b };
}

async function moreReaders(creator: Creator, prefix: string, names: string[]) {
  for (const name of names) await copyFlows(w, await payingSubscriber(w, `${prefix} ${name}`), creator.slugs);
}

async function transferCreatedEvents(transferId: string) {
  const events = await w.stripe.events.list({ type: "transfer.created", limit: 100 });
  return events.data.filter((e) => (e.data.object as Stripe.Transfer).id === transferId);
}

describe("7. payout ledger faults", () => {
  it("available on the dashboard is what the next run pays: a reversal waits while its payout is unpaid", async () => {
    const { creator, a } = await earningCreator("Ava Available");
    const month = thisMonth();
    await w.sandbox.post("transfers/fail-next", { count: 1 });
    const run = await runMonthlyPayouts(w.db, { month, now: runAt(month), stripe: w.stripe });
    expect(run.failed.map((f) => f.amountCents)).toEqual([1120]);
    await w.sandbox.post("charges/last/refund", { customer: a.customerId });
    await w.send.deliverPending(w.sandbox, a.customerId);
    expect(await creditsBy(w, a.userId)).toEqual({ reversed: 560 });

    const summary = await getEarningsSummary(w.db, { creatorId: creator.id });
    const [next] = (await listCreatorBalances(w.db, { before: runAt(month, 2) })).filter(
      (b) => b.creatorId === creator.id,
    );
    const nextRunNet = next ? next.earnedCents - next.deductionCents : 0;
    expect(summary.availableCents).toBe(nextRunNet);
    expect(summary.availableCents).toBe(0); // the failed payout still holds 1120 and will transfer it
  });

  it(
    "a dispute won after its reversal was deducted: paid again in a later payout; every payout still adds up",
    { timeout: 120_000 },
    async () => {
      const { creator, a } = await earningCreator("Wes Won");
      const month = thisMonth();
      const first = await runMonthlyPayouts(w.db, { month, now: runAt(month), stripe: w.stripe });
      expect(first.paid.map((p) => p.amountCents)).toEqual([1120]);

      const dispute = await w.sandbox.post<Stripe.Dispute>("charges/last/dispute", { customer: a.customerId });
      await w.send.deliverPending(w.sandbox, a.customerId);
      expect(await creditsBy(w, a.userId)).toEqual({ reversed: 560 });
      // Three more readers: 1680 earned - 560 deducted = 1120 paid in the next month's run.
      await moreReaders(creator, "Wes reader", ["C", "D", "E"]);
      const second = await runMonthlyPayouts(w.db, {
        month: monthAfter(month),
        now: runAt(month, 2),
        stripe: w.stripe,
      });
      expect(second.paid.map((p) => p.amountCents)).toEqual([1120]);

      await w.sandbox.post(`disputes/${dispute.id}/close`, { status: "won" });
      await w.send.deliverPending(w.sandbox, a.customerId);
      expect(await creditsBy(w, a.userId)).toMatchObject({ earned: 560 });
      await expectPayoutsAddUp(w);

      // The won credits are paid again, with two more readers': 560 + 1120.
      await moreReaders(creator, "Wes reader", ["F", "G"]);
      const third = await runMonthlyPayouts(w.db, {
        month: monthAfter(month, 2),
        now: runAt(month, 3),
        stripe: w.stripe,
      });
      expect(third.paid.map((p) => p.amountCents)).toEqual([1680]);
      await expectPayoutsAddUp(w);
      // Earned in all: 7 readers x 560 = 3920; transferred 1120 + 1120 + 1680 = 3920.
      expect(await transferredTo(w, creator.accountId)).toBe(3920);
    },
  );

  it("a late transfer.created does not confirm a payout the run flagged for an admin", async () => {
    const { creator } = await earningCreator("Fla Flagged");
    const month = thisMonth();
    const killed = await runMonthlyPayouts(w.db, {
      month,
      now: runAt(month),
      stripe: w.stripe,
      hooks: {
        afterTransfer: () => {
          throw new Error("killed after the transfer");
        },
      },
    }).catch((e: unknown) => e);
    expect(String(killed)).toContain("killed");
    const payout = (await payoutOf(w, creator.id, month))!;
    expect(payout.status).toBe("processing");
    const [transfer] = (await w.stripe.transfers.list({ destination: creator.accountId })).data;
    // Someone pays the creator twice by hand in the dashboard: the retry pass finds two transfers and stops.
    await w.stripe.transfers.create({
      amount: transfer!.amount,
      currency: "usd",
      destination: creator.accountId,
      transfer_group: transfer!.transfer_group!,
      metadata: { payoutId: payout.id },
    });
    const retry = await retryFailedPayouts(w.db, { now: runAt(month), stripe: w.stripe });
    expect(retry.failed.map((f) => f.needsAdmin)).toEqual([true]);

    for (const event of await transferCreatedEvents(transfer!.id)) await w.send.deliver(event);
    expect(await payoutOf(w, creator.id, month)).toMatchObject({ status: "failed", needsAdmin: true });
  });

  it("a transfer reversed before the run recorded it: the resumed attempt does not confirm it, an admin retry pays once", async () => {
    const { creator } = await earningCreator("Ria Replayed");
    const month = thisMonth();
    const killed = await runMonthlyPayouts(w.db, {
      month,
      now: runAt(month),
      stripe: w.stripe,
      hooks: {
        afterTransfer: () => {
          throw new Error("killed after the transfer");
        },
      },
    }).catch((e: unknown) => e);
    expect(String(killed)).toContain("killed");
    const [transfer] = (await w.stripe.transfers.list({ destination: creator.accountId })).data;
    // The money comes back before the job resumes (reversed in the dashboard): the creator has not been paid.
    await w.stripe.transfers.createReversal(transfer!.id);
    const reversed = await w.stripe.events.list({ type: "transfer.reversed", limit: 100 });
    for (const event of reversed.data.filter((e) => (e.data.object as Stripe.Transfer).id === transfer!.id)) {
      await w.send.deliver(event);
    }

    // Resumed under the same idempotency key, Stripe answers with the transfer as it was created: not a payment.
    const retry = await retryFailedPayouts(w.db, { now: runAt(month), stripe: w.stripe });
    expect(retry.paid).toEqual([]);
    const payout = (await payoutOf(w, creator.id, month))!;
    expect(payout).toMatchObject({ status: "failed", needsAdmin: true, paidAt: null });
    expect(await transferredTo(w, creator.accountId)).toBe(0);
    expect((await getEarningsSummary(w.db, { creatorId: creator.id })).lifetimePaidCents).toBe(0);

    await reopenPayoutForRetry(w.db, { payoutId: payout.id, now: runAt(month) });
    const again = await retryFailedPayouts(w.db, { now: runAt(month), stripe: w.stripe });
    expect(again.paid.map((p) => p.amountCents)).toEqual([1120]);
    expect(await transferredTo(w, creator.accountId)).toBe(1120);
    await expectPayoutsAddUp(w);
  });

  it("transfer.reversed: the payout is no longer paid, its credits are owed again, and an admin retry pays once", async () => {
    const { creator } = await earningCreator("Rex Reversed");
    const month = thisMonth();
    const run = await runMonthlyPayouts(w.db, { month, now: runAt(month), stripe: w.stripe });
    const paid = run.paid[0]!;
    await w.stripe.transfers.createReversal(paid.transferId);
    const reversed = await w.stripe.events.list({ type: "transfer.reversed", limit: 100 });
    for (const event of reversed.data.filter((e) => (e.data.object as Stripe.Transfer).id === paid.transferId)) {
      await w.send.deliver(event);
    }
    const payout = (await payoutOf(w, creator.id, month))!;
    expect(payout).toMatchObject({ status: "failed", needsAdmin: true, paidAt: null });
    const held = await w.db.select().from(creatorCredits).where(eq(creatorCredits.payoutId, payout.id));
    expect(new Set(held.map((c) => c.status))).toEqual(new Set(["earned"]));
    expect((await getEarningsSummary(w.db, { creatorId: creator.id })).lifetimePaidCents).toBe(0);

    await reopenPayoutForRetry(w.db, { payoutId: payout.id, now: runAt(month) });
    const retry = await retryFailedPayouts(w.db, { now: runAt(month), stripe: w.stripe });
    expect(retry.paid.map((p) => p.amountCents)).toEqual([1120]);
    expect(await transferredTo(w, creator.accountId)).toBe(1120);
    expect((await w.db.select().from(payouts).where(eq(payouts.id, payout.id)))[0]).toMatchObject({
      status: "paid",
      needsAdmin: false,
    });
    await expectPayoutsAddUp(w);
  });
});
