import "server-only";
import { AppError, ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { QUEUES } from "@/lib/jobs/queues";
import { getJobRuntime } from "@/lib/jobs/runtime";
import { sendAndWait } from "@/lib/jobs/wait";
import type { PayoutJobSummary } from "./job";
import { assertPayoutMonthOver } from "./month";

/** How long the cron route and the admin button wait for the run before answering "still running". */
export const PAYOUT_RUN_WAIT_MS = 50_000;

export type PayoutRunRequest =
  { state: "finished"; summary: PayoutJobSummary } | { state: "pending"; jobId: string; jobState: string };

/** An AppError as pg-boss stored it (serialized) in the job's output. */
type StoredAppError = { code: ErrorCode; message: string; details?: unknown };

function asStoredAppError(output: unknown): StoredAppError | null {
  const stored = (output ?? {}) as Partial<Record<keyof StoredAppError, unknown>>;
  const typed = typeof stored.code === "string" && stored.code in ERROR_STATUS && typeof stored.message === "string";
  return typed ? (stored as StoredAppError) : null;
}

/**
 * A typed error that retrying will not cure (billing not configured, say) ends the wait at the first failed attempt;
 * "already running" (conflict) and unexpected errors are worth the retries pg-boss makes.
 */
function wontPassOnRetry(output: unknown): boolean {
  const stored = asStoredAppError(output);
  return stored !== null && stored.code !== "conflict" && stored.code !== "internal";
}

/** A failed run's error as the job stored it: typed errors keep their code and message, others are generic. */
function errorOf(output: unknown): AppError {
  const stored = asStoredAppError(output);
  if (stored) {
    const details = typeof stored.details === "object" && stored.details ? stored.details : undefined;
    return new AppError(stored.code, stored.message, { details: details as Record<string, unknown> | undefined });
  }
  return new AppError(
    "internal",
    "The payout run failed; its error is listed under failed jobs on /admin. Running it again is safe.",
  );
}

/**
 * The manual triggers of a month's payout run (POST /api/cron/payouts, the admin button): the run is a job on the
 * payouts-monthly queue (singleton key = the month, so two triggers share one run), and the caller waits for
 * its summary up to `waitMs`. A month that is not over is refused at once (422); a run that fails for good
 * answers with its error; one still waiting or running after `waitMs` answers `pending` with its job id.
 */
export async function requestPayoutRun(params: {
  month: string;
  now?: Date;
  waitMs?: number;
}): Promise<PayoutRunRequest> {
  assertPayoutMonthOver(params.month, params.now ?? new Date());
  const { boss } = await getJobRuntime();
  const result = await sendAndWait(
    boss,
    QUEUES.payoutsMonthly,
    { month: params.month },
    { singletonKey: params.month, timeoutMs: params.waitMs ?? PAYOUT_RUN_WAIT_MS, stopWaitingOn: wontPassOnRetry },
  );
  if (result.state === "completed") return { state: "finished", summary: result.output as PayoutJobSummary };
  if ("output" in result) throw errorOf(result.output);
  if (result.state === "cancelled") throw new AppError("conflict", "The payout run was cancelled. Run it again.");
  return { state: "pending", jobId: result.id, jobState: result.state };
}
