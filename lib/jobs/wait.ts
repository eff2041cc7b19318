import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type PgBoss from "pg-boss";
import { JOB_SCHEMA, type QueueName } from "./queues";

export type JobResult =
  | { id: string; state: "completed" | "failed"; output: unknown }
  /** An attempt failed with an error `stopWaitingOn` accepted; pg-boss will still retry the job. */
  | { id: string; state: "retry"; output: unknown }
  | { id: string; state: "created" | "retry" | "active" | "cancelled" };

/** The newest job with this key that is still waiting or running, if any. */
async function findLiveJob(boss: PgBoss, queue: QueueName, singletonKey: string): Promise<string | null> {
  const { rows } = await boss
    .getDb()
    .executeSql(
      `select id from ${JOB_SCHEMA}.job where name = $1 and singleton_key = $2 and state < 'completed' order by created_on desc limit 1`,
      [queue, singletonKey],
    );
  return (rows[0] as { id: string } | undefined)?.id ?? null;
}

/**
 * Enqueues a job (or joins the one with the same singleton key that is already waiting or running) and waits for
 * a worker to finish it, up to `timeoutMs`: then it answers with the state the job is in, and the job carries on.
 * `stopWaitingOn` ends the wait early after a failed attempt whose error will not go away by retrying.
 */
export async function sendAndWait(
  boss: PgBoss,
  queue: QueueName,
  data: object,
  options: { singletonKey: string; timeoutMs: number; pollMs?: number; stopWaitingOn?: (error: unknown) => boolean },
): Promise<JobResult> {
  const { singletonKey } = options;
  const id =
    (await findLiveJob(boss, queue, singletonKey)) ??
    (await boss.send(queue, data, { singletonKey })) ??
    (await findLiveJob(boss, queue, singletonKey));
  if (!id) throw new Error(`Could not enqueue a job on "${queue}".`);

  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const job = await boss.getJobById(queue, id, { includeArchive: true });
    if (!job) throw new Error(`The job ${id} on "${queue}" disappeared.`);
    if (job.state === "completed" || job.state === "failed") return { id, state: job.state, output: job.output };
    if (job.state === "retry" && job.output && options.stopWaitingOn?.(job.output)) {
      return { id, state: "retry", output: job.output };
    }
    if (Date.now() >= deadline) return { id, state: job.state };
    await sleep(options.pollMs ?? 200);
  }
}
