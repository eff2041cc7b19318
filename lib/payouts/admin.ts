import "server-only";
import { reopenPayoutForRetry } from "@/db/queries/payouts";
import type { Db } from "@/db/types";
import { AppError } from "@/lib/errors";
import { retryFailedPayouts } from "./retry";
import type { RetrySummary } from "./types";

/**
 * An admin's "Retry now" on a failed payout (typically one that used up its automatic attempts): it becomes due at
 * once and the retry pass attempts it, with the next idempotency key (`:retry-{attempts}`) after a look-up in Stripe.
 */
export async function retryPayoutNow(db: Db, params: { payoutId: string; now?: Date }): Promise<RetrySummary> {
  const now = params.now ?? new Date();
  const reopened = await reopenPayoutForRetry(db, { payoutId: params.payoutId, now });
  if (!reopened) throw new AppError("not_found", "No failed payout with this id.");
  return retryFailedPayouts(db, { now });
}
