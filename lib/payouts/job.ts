import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/db/types";
import { retryFailedPayouts } from "./retry";
import { runMonthlyPayouts } from "./run";
import type { MonthlyPayoutSummary, RetrySummary } from "./types";

export type PayoutJobSummary = MonthlyPayoutSummary & { retries: RetrySummary };

/**
 * What every trigger of a month's run does (the payouts-monthly job behind the schedule, the cron route and the
 * admin button; `npm run payouts`): the month's run, then the retry pass for failed payouts that are due. The
 * emails they queue are delivered by the email-delivery job once each transaction commits.
 */
export async function runPayoutJob(
  db: Db,
  options: { month: string; now?: Date; stripe?: Stripe },
): Promise<PayoutJobSummary> {
  const run = await runMonthlyPayouts(db, options);
  const retries = await retryFailedPayouts(db, { now: options.now, stripe: options.stripe });
  return { ...run, retries };
}
