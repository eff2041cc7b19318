// Issue 10: the whole money chain, with nothing inserted by hand. Two subscribers pay through the app's checkout,
// copy through the copy engine, Stripe's webhooks (from the sandbox) earn the credits, the monthly payout job pays
// the creator by a Stripe transfer; a partial refund reverses credits already paid out, the next run carries the
// negative balance forward, and the month after pays the net. Exact cents throughout (7 cents a copy).
import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getEarningsSummary } from "@/db/queries/earnings";
import { creatorCredits } from "@/db/schema";
import { handleStripeEvent } from "@/lib/billing/webhooks/dispatch";
import { runReconciliation } from "@/lib/ledger/reconcile";
import { runPayoutJob } from "@/lib/payouts/job";
import { monthOf, previousMonth } from "@/lib/payouts/month";
import { verified, type Subscriber } from "./billing-support";
import {
  closeMoneyWorld,
  copyFlows,
  creditsBy,
  expectPayoutsAddUp,
  onboardedCreator,
  openMoneyWorld,
  payingSubscriber,
  payoutOf,
  sandboxNow,
  transferredTo,
  type Creator,
  type MoneyWorld,
} from "./money-support";

let w: MoneyWorld;
let creator: Creator;
beforeAll(async () => {
  w = await openMoneyWorld();
  creator = await onboardedCreator(w, "Chain Creator", 120);
});
afterAll(() => closeMoneyWorld(w));

/** Moves the sandbox clock to day `day` of the month `months` after the current one, at `hour`:00 UTC. */
async function advanceToDay(months: number, day: number, hour: number) {
  const now = await sandboxNow(w);
  const to = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, day, hour) / 1000;
  await w.sandbox.post("clock/advance", { to });
}

/** Every event Stripe sent about these customers, delivered as the webhook route would, at the sandbox's time. */
async function deliverAll(...subscribers: Subscriber[]) {
  for (const s of subscribers) {
    for (const event of await w.send.pending(w.sandbox, s.customerId)) {
      const now = await sandboxNow(w);
      await handleStripeEvent(w.db, verified(event), w.stripe, { now: () => now });
      w.send.delivered.add(event.id);
    }
  }
}

async function payoutJob() {
  const now = await sandboxNow(w);
  return runPayoutJob(w.db, { month: previousMonth(now), now, stripe: w.stripe });
}

it("copies -> invoice.paid -> payout -> transfer -> refund -> negative carry-forward -> the next month's net payout", async () => {
  // Month 1, day 2 (away from any month end): Ann and Bo pay their first month at checkout; Stripe bills in advance.
  await advanceToDay(1, 2, 12);
  const month1 = monthOf(await sandboxNow(w));
  const ann = await payingSubscriber(w, "Ann Chain");
  const bo = await payingSubscriber(w, "Bo Chain");
  await copyFlows(w, ann, creator.slugs.slice(0, 100)); // the cap: 100 x 7 = 700
  await copyFlows(w, bo, creator.slugs.slice(0, 60)); // 420
  expect([await creditsBy(w, ann.userId), await creditsBy(w, bo.userId)]).toEqual([{ earned: 700 }, { earned: 420 }]);

  // The 1st of month 2: the job pays month 1 by one transfer.
  await advanceToDay(1, 1, 1);
  await deliverAll(ann, bo);
  const first = await payoutJob();
  expect(first.paid.map((p) => [p.month, p.amountCents])).toEqual([[month1, 1_120]]);
  expect(await payoutOf(w, creator.id, month1)).toMatchObject({ amountCents: 1_120, status: "paid" });
  expect(await transferredTo(w, creator.accountId)).toBe(1_120);
  expect(await creditsBy(w, ann.userId)).toEqual({ paid_out: 700 });

  // Ann gets $5 of her first month back: $5.00 funds 350 cents, so her 50 newest credits are reversed. They were
  // paid out: the creator owes them back (available goes negative), never silently lost.
  await w.sandbox.post("charges/last/refund", { customer: ann.customerId, amount: 500 });
  await deliverAll(ann);
  expect(await creditsBy(w, ann.userId)).toEqual({ paid_out: 350, reversed: 350 });
  expect(await getEarningsSummary(w.db, { creatorId: creator.id })).toMatchObject({
    availableCents: -350,
    owedBackCents: 350,
    lifetimePaidCents: 1_120,
  });

  // The 1st of month 3: nothing earned in month 2 (both renewed, no copies): -350 carries forward, nothing is paid.
  await advanceToDay(1, 1, 1);
  await deliverAll(ann, bo);
  const second = await payoutJob();
  expect(second.paid).toEqual([]);
  expect(second.carriedForward).toEqual([{ creatorId: creator.id, amountCents: -350, reason: "negative_balance" }]);
  expect(await payoutOf(w, creator.id, previousMonth(await sandboxNow(w)))).toBeUndefined();

  // Month 3: both copy 100 flows in their renewed (paid) periods: 1,400 cents earned.
  await copyFlows(w, ann, creator.slugs.slice(0, 100));
  await copyFlows(w, bo, creator.slugs.slice(20, 120));
  expect(await creditsBy(w, bo.userId)).toEqual({ paid_out: 420, earned: 700 });

  // The 1st of month 4: the job pays 1,400 - 350 = 1,050, and deducts the 50 reversed credits in that payout.
  await advanceToDay(1, 1, 1);
  await deliverAll(ann, bo);
  const month3 = previousMonth(await sandboxNow(w));
  const third = await payoutJob();
  expect(third.paid.map((p) => [p.month, p.amountCents])).toEqual([[month3, 1_050]]);
  const payout = (await payoutOf(w, creator.id, month3))!;
  const deducted = await w.db
    .select()
    .from(creatorCredits)
    .where(and(eq(creatorCredits.deductedInPayoutId, payout.id), isNotNull(creatorCredits.reversedAt)));
  expect(deducted.map((c) => [c.subscriberId, c.status, c.amountCents])).toEqual(
    Array.from({ length: 50 }, () => [ann.userId, "reversed", 7]),
  );
  await expectPayoutsAddUp(w);

  // What the creator received is what the subscribers paid for, net of the refund, to the cent:
  // month 1: Ann 350 (her $5 funds 50 copies) + Bo 420; month 3: 1,400.
  expect(await transferredTo(w, creator.accountId)).toBe(350 + 420 + 1_400);
  expect(await getEarningsSummary(w.db, { creatorId: creator.id })).toMatchObject({
    availableCents: 0,
    owedBackCents: 0,
    lifetimePaidCents: 2_170,
  });
  const reconciliation = await runReconciliation(w.db, w.stripe, { now: await sandboxNow(w) });
  expect(reconciliation.violations).toEqual([]);
}, 180_000);
