import "server-only";
import type Stripe from "stripe";
import { z } from "zod";
import {
  attachCreditsToPayout,
  insertProcessingPayout,
  listCreatorBalances,
  listPayoutAccounts,
  listPayoutsForMonth,
  setPayoutAmount,
  type CreatorBalance,
} from "@/db/queries/payouts";
import { oneRow } from "@/db/rows";
import type { Payout } from "@/db/schema";
import type { Db } from "@/db/types";
import { getStripe } from "@/lib/billing/stripe-client";
import { PAYOUT_THRESHOLD_CENTS } from "@/lib/plans";
import { payoutParallelism, withPayoutLock } from "./lock";
import { logPayoutStep } from "./log";
import { assertPayoutMonthOver, monthBounds, payoutMonthSchema } from "./month";
import { queuePayoutPaidEmail } from "./settle";
import { attemptPayoutTransfer, StripeTransferIndex, type AttemptOutcome, type PayoutHooks } from "./transfer";
import type { FailedLine, MonthlyPayoutSummary, NotOnboardedLine } from "./types";

/**
 * The monthly payout run for `month` (PRODUCT.md "Money and payouts"; the rules in full: lib/payouts/README.md).
 *
 * Which credits the run for month M pays: per creator, every `earned` credit that no payout holds yet and that was
 * earned (earned_at) before the first instant of month M+1, UTC; minus every credit `reversed` before that
 * instant after a paid payout had paid it and not yet deducted from another payout. The cut-off is the end of M,
 * not the moment the run happens, and a run for M is refused until M is over, so running it on the 1st, on the
 * 3rd or twice gives the same payout. A credit that becomes earned later with an earlier earned_at (a late
 * webhook) is not lost: the next month's run takes it.
 *
 * Per creator: net below PAYOUT_THRESHOLD_CENTS ($10) or negative -> carried forward, nothing written; no
 * connected account with active transfers and payouts enabled -> accrues, nothing written; otherwise
 * (a) one transaction inserts the (creator, month) payout row as processing and attaches the credits, the amount
 * being the sum of the rows attached; (b) the Stripe transfer, with the attempt's idempotency key; (c) one
 * transaction marks it paid, its credits paid_out, and queues the email. A payout row that exists already is
 * paid -> skipped; pending/processing (an interrupted run) -> resumed; failed -> left to retryFailedPayouts.
 */
export async function runMonthlyPayouts(
  db: Db,
  options: { month: string; now?: Date; stripe?: Stripe; hooks?: PayoutHooks },
): Promise<MonthlyPayoutSummary> {
  const { month } = z.object({ month: payoutMonthSchema }).parse({ month: options.month });
  const now = options.now ?? new Date();
  const { end } = monthBounds(month);
  assertPayoutMonthOver(month, now);
  const stripe = options.stripe ?? getStripe();

  return withPayoutLock(db, async () => {
    logPayoutStep("run_started", { month });
    const [balances, existing] = await Promise.all([
      listCreatorBalances(db, { before: end }),
      listPayoutsForMonth(db, { month }),
    ]);
    const balanceOf = new Map(balances.map((b) => [b.creatorId, b]));
    const payoutOf = new Map(existing.map((p) => [p.creatorId, p]));
    const creatorIds = [...new Set([...balanceOf.keys(), ...payoutOf.keys()])].sort();
    // Only creators the loop may pay need their account: an existing payout, or a balance at the threshold.
    // (At scale most creators carry forward; asking for all of them was one parameter per creator.)
    const mayPay = creatorIds.filter((id) => {
      const balance = balanceOf.get(id);
      return payoutOf.has(id) || (balance && balance.earnedCents - balance.deductionCents >= PAYOUT_THRESHOLD_CENTS);
    });
    const accounts = new Map((await listPayoutAccounts(db, { creatorIds: mayPay })).map((a) => [a.userId, a]));
    const index = new StripeTransferIndex(stripe);

    const summary: MonthlyPayoutSummary = {
      month,
      creators: creatorIds.length,
      paid: [],
      alreadyPaid: [],
      carriedForward: [],
      skippedNotOnboarded: [],
      failed: [],
      totalPaidCents: 0,
    };
    const record = (outcome: AttemptOutcome) => {
      if (outcome.kind === "paid") {
        summary.paid.push({
          creatorId: outcome.payout.creatorId,
          payoutId: outcome.payout.id,
          month,
          amountCents: outcome.payout.amountCents,
          transferId: outcome.transferId,
        });
        summary.totalPaidCents += outcome.payout.amountCents;
      } else {
        summary.failed.push(failedLine(outcome.payout, outcome.error));
      }
    };

    // Creators are independent (one payout row, its own credits and transfer each): several at once. What keeps two
    // of them, or two jobs, from paying anything twice is the same as for one: the unique (creator, month) index,
    // step (a)'s transaction and the idempotency keys.
    await forEachConcurrently(creatorIds, payoutParallelism(db), async (creatorId) => {
      const account = accounts.get(creatorId);
      let payout = payoutOf.get(creatorId);

      if (!payout) {
        // Every creator listed has a payout this month or a balance.
        const balance = balanceOf.get(creatorId);
        if (!balance) throw new Error(`creator ${creatorId} has neither a payout nor a balance`);
        const net = balance.earnedCents - balance.deductionCents;
        if (net < PAYOUT_THRESHOLD_CENTS) {
          summary.carriedForward.push({
            creatorId,
            amountCents: net,
            reason: net < 0 ? "negative_balance" : "below_threshold",
          });
          return;
        }
        const notReady = notOnboardedReason(account);
        if (notReady) {
          summary.skippedNotOnboarded.push({ creatorId, amountCents: net, reason: notReady });
          return;
        }
        const claimed = await claimPayout(db, { creatorId, month, before: end, now, balance });
        if (claimed.kind === "carried") {
          summary.carriedForward.push({
            creatorId,
            amountCents: claimed.amountCents,
            reason: claimed.amountCents < 0 ? "negative_balance" : "below_threshold",
          });
          return;
        }
        if (claimed.kind === "created") {
          record(
            await attemptPayoutTransfer(db, {
              payout: claimed.payout,
              destination: account?.stripeAccountId ?? null,
              stripe,
              index,
              resumed: false,
              now,
              hooks: options.hooks,
            }),
          );
          return;
        }
        payout = claimed.payout; // Another job created it after we listed: treat it as existing.
      }

      if (payout.status === "paid") {
        summary.alreadyPaid.push({ creatorId, payoutId: payout.id, amountCents: payout.amountCents });
        // The webhook may have confirmed it without the email; the dedupe key makes this a no-op otherwise.
        await queuePayoutPaidEmail(db, payout);
      } else if (payout.status === "failed") {
        summary.failed.push(failedLine(payout, payout.lastError));
      } else {
        record(
          await attemptPayoutTransfer(db, {
            payout,
            destination: account?.stripeAccountId ?? null,
            stripe,
            index,
            resumed: true,
            now,
            hooks: options.hooks,
          }),
        );
      }
    });

    // In creator order, as when they were paid one by one.
    for (const list of [
      summary.paid,
      summary.alreadyPaid,
      summary.carriedForward,
      summary.skippedNotOnboarded,
      summary.failed,
    ]) {
      list.sort((a, b) => (a.creatorId < b.creatorId ? -1 : a.creatorId > b.creatorId ? 1 : 0));
    }

    logPayoutStep("run_finished", {
      month,
      creators: summary.creators,
      paid: summary.paid.length,
      totalPaidCents: summary.totalPaidCents,
      failed: summary.failed.length,
      carriedForward: summary.carriedForward.length,
      skippedNotOnboarded: summary.skippedNotOnboarded.length,
    });
    return summary;
  });
}

/**
 * Runs `task` on every item, at most `limit` at a time. After a failure no new item is started (as a loop would stop
 * there); the ones already started finish, then the first error is thrown.
 */
async function forEachConcurrently<T>(items: T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const lane = async () => {
    while (!failure && next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failure) throw (failure as { error: unknown }).error;
}

class CarryForward extends Error {
  constructor(readonly amountCents: number) {
    super("carry forward");
  }
}

type Claim =
  { kind: "created"; payout: Payout } | { kind: "existing"; payout: Payout } | { kind: "carried"; amountCents: number };

/** Step (a): the payout row and its credits in one transaction. The amount is what was attached, not the estimate. */
async function claimPayout(
  db: Db,
  params: { creatorId: string; month: string; before: Date; now: Date; balance: CreatorBalance },
): Promise<Claim> {
  try {
    return await db.transaction(async (tx): Promise<Claim> => {
      const payout = await insertProcessingPayout(tx, params);
      if (!payout) {
        const existing = (await listPayoutsForMonth(tx, { month: params.month })).filter(
          (p) => p.creatorId === params.creatorId,
        );
        return { kind: "existing", payout: oneRow(existing, "payout") };
      }
      const attached = await attachCreditsToPayout(tx, {
        payoutId: payout.id,
        creatorId: params.creatorId,
        before: params.before,
        now: params.now,
      });
      const amountCents = attached.earnedCents - attached.deductionCents;
      // A refund landed between the listing and this transaction: roll back, nothing is written.
      if (amountCents < PAYOUT_THRESHOLD_CENTS) throw new CarryForward(amountCents);
      const fixed = await setPayoutAmount(tx, { payoutId: payout.id, amountCents, now: params.now });
      logPayoutStep("payout_created", {
        payoutId: fixed.id,
        creatorId: params.creatorId,
        month: params.month,
        amountCents,
        credits: attached.credits,
        deductedCents: attached.deductionCents,
      });
      return { kind: "created", payout: fixed };
    });
  } catch (error) {
    if (error instanceof CarryForward) return { kind: "carried", amountCents: error.amountCents };
    throw error;
  }
}

function notOnboardedReason(
  account: { transfersCapability: string; payoutsEnabled: boolean } | undefined,
): NotOnboardedLine["reason"] | null {
  if (!account) return "no_connected_account";
  if (account.transfersCapability !== "active") return "transfers_inactive";
  if (!account.payoutsEnabled) return "payouts_disabled";
  return null;
}

export function failedLine(payout: Payout, error: string | null): FailedLine {
  return {
    creatorId: payout.creatorId,
    payoutId: payout.id,
    month: payout.month,
    amountCents: payout.amountCents,
    attempts: payout.attempts,
    error,
    nextAttemptAt: payout.nextAttemptAt?.toISOString() ?? null,
    needsAdmin: payout.needsAdmin,
  };
}
