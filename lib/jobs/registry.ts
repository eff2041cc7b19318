import "server-only";
import type PgBoss from "pg-boss";
import { z } from "zod";
import type { Db } from "@/db/types";
import { getStripe } from "@/lib/billing/stripe-client";
import { deliverOutboxEmail } from "@/lib/email/deliver";
import { recordReconciliation, runReconciliation } from "@/lib/ledger/reconcile";
import { pruneRateLimitWindows } from "@/lib/maintenance";
import { runPayoutJob } from "@/lib/payouts/job";
import { PayoutJobRunningError } from "@/lib/payouts/lock";
import { payoutMonthSchema, previousMonth } from "@/lib/payouts/month";
import { retryFailedPayouts } from "@/lib/payouts/retry";
import { QUEUES, type QueueName, type QueueSettings } from "./queues";

export type JobContext = { db: Db };
export type QueuedJob = PgBoss.JobWithMetadata<unknown>;

export type JobDefinition = {
  queue: QueueName;
  settings: QueueSettings;
  /** Cron expression in UTC; pg-boss sends it once per tick however many instances run the workers. */
  schedule?: string;
  /** How often an idle worker asks for work. */
  pollingIntervalSeconds: number;
  /** Jobs taken at once; each still completes or fails (and is retried) on its own. */
  batchSize: number;
  /** Its return value is the job's output (the cron route answers with the payout run's). Throwing fails it. */
  run: (job: QueuedJob, ctx: JobContext) => Promise<object>;
};

/** A job that runs on a schedule and is retried twice, a minute or two apart, if it throws. */
function scheduledJob(queue: QueueName, schedule: string, run: JobDefinition["run"]): JobDefinition {
  return {
    queue,
    schedule,
    settings: { retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 30 * 60 },
    pollingIntervalSeconds: 10,
    batchSize: 1,
    run,
  };
}

const emailJob = z.object({ emailId: z.uuid() });
const payoutRunJob = z.object({ month: payoutMonthSchema.optional() });

/** Every background job: its queue, settings, schedule and handler. Workers (lib/jobs/runtime.ts) run these. */
export const JOBS: readonly JobDefinition[] = [
  {
    // Queued with the email in its transaction (lib/email/outbox.ts). 9 attempts, the waits doubling from
    // 30-60 s to 64-128 min (about 2 to 4 hours in all); after the last the email is `failed`.
    queue: QUEUES.emailDelivery,
    settings: { retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60 },
    pollingIntervalSeconds: 1,
    batchSize: 10,
    run: async (job, { db }) => {
      const { emailId } = emailJob.parse(job.data);
      const finalAttempt = job.retryCount >= job.retryLimit;
      return { outcome: await deliverOutboxEmail(db, { emailId, finalAttempt }) };
    },
  },
  {
    // The monthly run at 00:00 UTC on the 1st pays the month that just ended; the cron route and the admin button
    // enqueue a given month (singleton key = the month). "stately": one waiting and one running job per key.
    // A run that meets another payout job holding the lock fails and is retried a minute or two later.
    queue: QUEUES.payoutsMonthly,
    schedule: "0 0 1 * *",
    settings: { policy: "stately", retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 2 * 60 * 60 },
    pollingIntervalSeconds: 2,
    batchSize: 1,
    run: async (job, { db }) => {
      const { month } = payoutRunJob.parse(job.data ?? {});
      return runPayoutJob(db, { month: month ?? previousMonth(new Date()) });
    },
  },
  // Failed payouts whose backoff (1 h, 4 h, 16 h, 64 h) is over, hourly at :05 (clear of the monthly run at :00).
  // When another payout job holds the lock it runs the retry pass itself, so this one has nothing to do.
  scheduledJob(QUEUES.payoutsRetry, "5 * * * *", async (_job, { db }) => {
    try {
      return await retryFailedPayouts(db);
    } catch (error) {
      if (error instanceof PayoutJobRunningError) return { skipped: "another payout job is running the retry pass" };
      throw error;
    }
  }),
  scheduledJob(QUEUES.rateLimitPrune, "15 * * * *", async (_job, { db }) => ({
    deleted: await pruneRateLimitWindows(db),
  })),
  // The ledger against Stripe, daily at 04:00 UTC; the result is stored for /admin (violations are a result, not a
  // failure: only an unreadable database or Stripe fails the job).
  scheduledJob(QUEUES.ledgerReconcile, "0 4 * * *", async (_job, { db }) => {
    const result = await runReconciliation(db, getStripe());
    await recordReconciliation(db, result);
    return { violationCount: result.violations.length, checked: result.checked };
  }),
];
