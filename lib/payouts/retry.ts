import "server-only";
import type Stripe from "stripe";
import {
  claimFailedPayout,
  listPaidPayoutsWithoutEmail,
  listPayoutAccounts,
  listPayoutsToRetry,
} from "@/db/queries/payouts";
import type { Db } from "@/db/types";
import { getStripe } from "@/lib/billing/stripe-client";
import { withPayoutLock } from "./lock";
import { logPayoutStep } from "./log";
import { failedLine } from "./run";
import { queuePayoutPaidEmail } from "./settle";
import { attemptPayoutTransfer, StripeTransferIndex, type PayoutHooks } from "./transfer";
import type { RetrySummary } from "./types";

const BATCH = 500;
/** How far back a paid payout may be and still get its "payout paid" email from the sweep. */
const PAID_EMAIL_SWEEP_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The retry pass: every failed payout whose backoff is over (needs_admin ones excepted) gets one more attempt,
 * and so does any payout a killed job left pending/processing (under the lock no other job can be in flight).
 * Each attempt first looks the payout's transfer up in Stripe, then creates one with a new idempotency key per
 * recorded failure (`payout:{creatorId}:{YYYY-MM}:retry-{n}`), since Stripe replays a failed request's error for
 * its key. Finally it queues the "payout paid" email of payouts the transfer.created webhook confirmed.
 */
export async function retryFailedPayouts(
  db: Db,
  options: { now?: Date; stripe?: Stripe; hooks?: PayoutHooks } = {},
): Promise<RetrySummary> {
  const now = options.now ?? new Date();
  const stripe = options.stripe ?? getStripe();

  return withPayoutLock(db, async () => {
    const due = await listPayoutsToRetry(db, { now, limit: BATCH });
    const accounts = new Map(
      (await listPayoutAccounts(db, { creatorIds: [...new Set(due.map((p) => p.creatorId))] })).map((a) => [
        a.userId,
        a,
      ]),
    );
    const index = new StripeTransferIndex(stripe);
    const summary: RetrySummary = { attempted: 0, paid: [], failed: [], totalPaidCents: 0, paidEmailsQueued: 0 };

    for (const row of due) {
      const payout = row.status === "failed" ? await claimFailedPayout(db, { payoutId: row.id, now }) : row;
      if (!payout) continue;
      summary.attempted += 1;
      logPayoutStep("retry", {
        payoutId: payout.id,
        month: payout.month,
        attempts: payout.attempts,
        interrupted: row.status !== "failed",
      });
      const outcome = await attemptPayoutTransfer(db, {
        payout,
        destination: accounts.get(payout.creatorId)?.stripeAccountId ?? null,
        stripe,
        index,
        resumed: true,
        now,
        hooks: options.hooks,
      });
      if (outcome.kind === "paid") {
        summary.paid.push({
          creatorId: payout.creatorId,
          payoutId: payout.id,
          month: payout.month,
          amountCents: outcome.payout.amountCents,
          transferId: outcome.transferId,
        });
        summary.totalPaidCents += outcome.payout.amountCents;
      } else {
        summary.failed.push(failedLine(outcome.payout, outcome.error));
      }
    }

    const unannounced = await listPaidPayoutsWithoutEmail(db, {
      paidSince: new Date(now.getTime() - PAID_EMAIL_SWEEP_MS),
      limit: BATCH,
    });
    for (const payout of unannounced) await queuePayoutPaidEmail(db, payout);
    summary.paidEmailsQueued = unannounced.length;
    return summary;
  });
}
