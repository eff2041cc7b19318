import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/db/types";
import { deliverQueuedEmails, type DeliveryResult } from "@/lib/email/deliver";
import { retryFailedPayouts } from "./retry";
import { runMonthlyPayouts } from "./run";
import type { MonthlyPayoutSummary, RetrySummary } from "./types";

export type PayoutJobSummary = MonthlyPayoutSummary & {
  retries: RetrySummary;
  /** Delivery of the queued emails; an SMTP outage is reported here, never as a failed payout run. */
  emails: DeliveryResult | { mode: "error"; message: string };
};

/**
 * What every trigger runs (the cron route, the admin button, `npm run payouts`): the month's run, then the retry
 * pass for failed payouts that are due, then delivery of the emails they queued (after their transactions
 * committed; without SMTP_URL the outbox keeps them).
 */
export async function runPayoutJob(
  db: Db,
  options: { month: string; now?: Date; stripe?: Stripe },
): Promise<PayoutJobSummary> {
  const run = await runMonthlyPayouts(db, options);
  const retries = await retryFailedPayouts(db, { now: options.now, stripe: options.stripe });
  let emails: PayoutJobSummary["emails"];
  try {
    emails = await deliverQueuedEmails(db);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(
      JSON.stringify({ level: "error", msg: "email delivery after the payout run failed", error: message }),
    );
    emails = { mode: "error", message: "Email delivery failed; the emails stay queued in the outbox." };
  }
  return { ...run, retries, emails };
}
