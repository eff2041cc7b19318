import { sql } from "drizzle-orm";
import { queryRows } from "../rows";
import type { Executor } from "../types";

// pg-boss's tables (lib/jobs keeps them in their own schema of the app's database), read for /admin.

export type QueueDepth = {
  queue: string;
  /** Waiting to run: new, or failed and waiting for the next attempt. */
  waiting: number;
  retrying: number;
  active: number;
  /** Failed for good in the last `failedSince` window (still in the job table or already archived). */
  failed: number;
  oldestWaitingAt: Date | null;
};

export type FailedJob = {
  id: string;
  queue: string;
  data: unknown;
  error: string | null;
  attempts: number;
  failedAt: Date | null;
};

async function isInstalled(db: Executor, schema: string): Promise<boolean> {
  const [row] = await queryRows<{ installed: boolean }>(
    db,
    sql`select to_regclass(${`${schema}.archive`}) is not null as installed`,
  );
  return row?.installed === true;
}

/** Every queue (pg-boss's internal ones left out) with its jobs by state; null when the job tables do not exist. */
export async function listQueueDepths(
  db: Executor,
  params: { schema: string; failedSince: Date },
): Promise<QueueDepth[] | null> {
  if (!(await isInstalled(db, params.schema))) return null;
  const s = sql.identifier(params.schema);
  const rows = await queryRows<{
    queue: string;
    waiting: number;
    retrying: number;
    active: number;
    failed: number;
    oldest_waiting_at: string | Date | null;
  }>(
    db,
    sql`
      with jobs as (
        select name, state, created_on, completed_on from ${s}.job
        union all
        select name, state, created_on, completed_on from ${s}.archive where state = 'failed'
      )
      select q.name as queue,
             count(j.name) filter (where j.state = 'created')::int as waiting,
             count(j.name) filter (where j.state = 'retry')::int as retrying,
             count(j.name) filter (where j.state = 'active')::int as active,
             count(j.name) filter (where j.state = 'failed' and j.completed_on >= ${params.failedSince.toISOString()}::timestamptz)::int as failed,
             min(j.created_on) filter (where j.state in ('created', 'retry')) as oldest_waiting_at
      from ${s}.queue q
      left join jobs j on j.name = q.name
      where q.name not like '\\_\\_pgboss\\_\\_%'
      group by q.name
      order by q.name`,
  );
  return rows.map((r) => ({
    queue: r.queue,
    waiting: r.waiting,
    retrying: r.retrying,
    active: r.active,
    failed: r.failed,
    oldestWaitingAt: r.oldest_waiting_at ? new Date(r.oldest_waiting_at) : null,
  }));
}

/** Jobs that failed for good, newest first, with the error their last attempt threw. */
export async function listFailedJobs(
  db: Executor,
  params: { schema: string; failedSince: Date; limit: number },
): Promise<FailedJob[]> {
  if (!(await isInstalled(db, params.schema))) return [];
  const s = sql.identifier(params.schema);
  const rows = await queryRows<{
    id: string;
    queue: string;
    data: unknown;
    error: string | null;
    attempts: number;
    failed_at: string | Date | null;
  }>(
    db,
    sql`
      select id, name as queue, data,
             coalesce(output->>'message', output->'value'->>'message') as error,
             retry_count + 1 as attempts, completed_on as failed_at
      from (
        select id, name, data, output, retry_count, completed_on from ${s}.job where state = 'failed'
        union all
        select id, name, data, output, retry_count, completed_on from ${s}.archive where state = 'failed'
      ) failed
      where completed_on >= ${params.failedSince.toISOString()}::timestamptz
      order by completed_on desc, id
      limit ${params.limit}`,
  );
  return rows.map((r) => ({
    id: r.id,
    queue: r.queue,
    data: r.data,
    error: r.error,
    attempts: r.attempts,
    failedAt: r.failed_at ? new Date(r.failed_at) : null,
  }));
}
