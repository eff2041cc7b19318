import "server-only";
import type Stripe from "stripe";
import { reopenPayoutForRetry } from "@/db/queries/payouts";
import type { Db } from "@/db/types";
import { recordAdminAction, type AdminActor } from "@/lib/admin/audit";
import { AppError } from "@/lib/errors";
import { assertPayoutMonthOver } from "./month";
import { retryFailedPayouts } from "./retry";
import { requestPayoutRun, type PayoutRunRequest } from "./trigger";
import type { RetrySummary } from "./types";

/**
 * An admin's "Retry now" on a failed payout (typically one that used up its automatic attempts): it becomes due at
 * once, with the audit entry in the same transaction, and the retry pass attempts it, with the next idempotency key
 * (`:retry-{attempts}`) after a look-up in Stripe.
 */
export async function retryPayoutNow(
  db: Db,
  params: { payoutId: string; actor: AdminActor; now?: Date; stripe?: Stripe },
): Promise<RetrySummary> {
  const now = params.now ?? new Date();
  await db.transaction(async (tx) => {
    const reopened = await reopenPayoutForRetry(tx, { payoutId: params.payoutId, now });
    if (!reopened) throw new AppError("not_found", "No failed payout with this id.");
    await recordAdminAction(tx, params.actor, {
      action: "payout.retry",
      targetId: reopened.id,
      details: {
        creatorId: reopened.creatorId,
        month: reopened.month,
        amountCents: reopened.amountCents,
        attempts: reopened.attempts,
        lastError: reopened.lastError,
      },
      now,
    });
  });
  return retryFailedPayouts(db, { now, stripe: params.stripe });
}

/**
 * An admin's "Run payouts for <month>": the same job as the cron route (enqueued on payouts-monthly, waited for).
 * The run is many transactions and Stripe calls, so no single one can carry the audit entry: it is committed before
 * the job is enqueued (who asked for which month), and each payout the run writes records its own outcome. A month
 * that is not over is refused before anything is written.
 */
export async function runPayoutsAsAdmin(
  db: Db,
  params: { month: string; actor: AdminActor; now?: Date; request?: typeof requestPayoutRun },
): Promise<PayoutRunRequest> {
  const now = params.now ?? new Date();
  assertPayoutMonthOver(params.month, now);
  await db.transaction((tx) =>
    recordAdminAction(tx, params.actor, { action: "payouts.run", targetId: params.month, now }),
  );
  return (params.request ?? requestPayoutRun)({ month: params.month, now });
}
