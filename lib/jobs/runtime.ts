import "server-only";
import PgBoss from "pg-boss";
import { getDb } from "@/db";
import type { Db } from "@/db/types";
import { env } from "@/lib/env";
import { pgliteBossDb, pgliteClientOf } from "./adapters";
import { JOB_SCHEMA, type QueueName, type QueueSettings } from "./queues";
import { JOBS, type JobContext, type JobDefinition, type QueuedJob } from "./registry";

type QueueOverrides = Partial<QueueSettings> & { pollingIntervalSeconds?: number };

export type JobRuntimeOptions = {
  /** Run the workers and the schedules in this process; false: only install the queues, enqueue and read. */
  workers: boolean;
  /** Per-queue changes to the registry's settings (tests use a small backoff and fast polling). */
  queues?: Partial<Record<QueueName, QueueOverrides>>;
};

export type JobRuntime = {
  boss: PgBoss;
  workers: boolean;
  /** Stops fetching, waits for running jobs (up to 30 s), then fails what is left so it is retried elsewhere. */
  stop: () => Promise<void>;
};

/** Settings every queue starts from, so a setting dropped from the registry goes back to this on the next boot. */
const BASE_SETTINGS: QueueSettings = {
  policy: "standard",
  retryLimit: 0,
  retryDelay: 0,
  retryBackoff: false,
  expireInSeconds: 15 * 60,
};

// One runtime per process, on globalThis: Next bundles instrumentation.ts and the routes separately.
const KEY = Symbol.for("flowtab.jobs");
type Holder = { [KEY]?: Promise<JobRuntime> };

function createBoss(db: Db, workers: boolean, databaseUrl?: string): PgBoss {
  const options = { schema: JOB_SCHEMA, migrate: true, supervise: workers, schedule: workers };
  const pglite = pgliteClientOf(db);
  if (pglite) return new PgBoss({ ...options, db: pgliteBossDb(pglite) });
  const connectionString = databaseUrl ?? env().DATABASE_URL;
  if (!connectionString) throw new Error("The job queue needs DATABASE_URL when the app is on PostgreSQL.");
  return new PgBoss({ ...options, connectionString, max: 4, application_name: "flowtab-jobs" });
}

function log(level: "info" | "warn" | "error", msg: string, fields: Record<string, unknown> = {}) {
  const line = JSON.stringify({ level, msg, ...fields });
  if (level === "info") console.log(line);
  else console.error(line);
}

/**
 * One job at a time: complete it with the handler's output, or fail it with the error (pg-boss retries it while
 * attempts remain). If recording the outcome fails (the database is away), the job stays active until pg-boss
 * expires it and tries again.
 */
async function runBatch(boss: PgBoss, job: JobDefinition, batch: QueuedJob[], ctx: JobContext) {
  for (const queued of batch) {
    const started = Date.now();
    const fields = { jobId: queued.id, queue: job.queue, attempt: queued.retryCount + 1, of: queued.retryLimit + 1 };
    let outcome: { ok: true; output: object } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, output: await job.run(queued, ctx) };
    } catch (error) {
      outcome = { ok: false, error };
    }
    const ms = Date.now() - started;
    try {
      if (outcome.ok) {
        await boss.complete(job.queue, queued.id, outcome.output);
        log("info", "job completed", { ...fields, ms });
      } else {
        const willRetry = queued.retryCount < queued.retryLimit;
        log(willRetry ? "warn" : "error", willRetry ? "job attempt failed, will retry" : "job failed", {
          ...fields,
          ms,
          error: String(outcome.error),
        });
        const { error } = outcome;
        await boss.fail(job.queue, queued.id, error instanceof Error ? error : { message: String(error) });
      }
    } catch (error) {
      log("error", "could not record the job's outcome", { ...fields, error: String(error) });
    }
  }
}

/** Creates each queue, or brings an existing one to the registry's settings (plus overrides). */
async function installQueues(boss: PgBoss, overrides: JobRuntimeOptions["queues"] = {}) {
  for (const job of JOBS) {
    const { pollingIntervalSeconds: _polling, ...changes } = overrides[job.queue] ?? {};
    const settings = { name: job.queue, ...BASE_SETTINGS, ...job.settings, ...changes };
    // Instances starting together create the same queues at once; PostgreSQL may pick one of them as a deadlock
    // victim (40P01). Creating a queue is idempotent: try again.
    await retryOnDeadlock(() => boss.createQueue(job.queue, settings));
    await retryOnDeadlock(() => boss.updateQueue(job.queue, settings));
  }
}

async function retryOnDeadlock<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if ((error as { code?: string }).code !== "40P01" || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

/** The schedules in the database become the registry's: pg-boss keeps them there for every instance. */
async function installSchedules(boss: PgBoss) {
  const wanted = new Map<string, string>(JOBS.flatMap((j) => (j.schedule ? [[j.queue, j.schedule] as const] : [])));
  for (const existing of await boss.getSchedules()) {
    if (!wanted.has(existing.name)) await boss.unschedule(existing.name);
  }
  for (const [queue, cron] of wanted) await boss.schedule(queue, cron, {}, { tz: "UTC" });
}

async function launch(db: Db, options: JobRuntimeOptions): Promise<JobRuntime> {
  const boss = createBoss(db, options.workers);
  boss.on("error", (error: Error & { queue?: string }) =>
    log("error", "job queue error", { queue: error.queue, error: error.message }),
  );
  await boss.start();
  await installQueues(boss, options.queues);
  if (options.workers) {
    await installSchedules(boss);
    for (const job of JOBS) {
      const pollingIntervalSeconds = options.queues?.[job.queue]?.pollingIntervalSeconds ?? job.pollingIntervalSeconds;
      await boss.work(
        job.queue,
        { batchSize: job.batchSize, pollingIntervalSeconds, includeMetadata: true },
        (batch: QueuedJob[]) => runBatch(boss, job, batch, { db }),
      );
    }
  }
  const runtime: JobRuntime = {
    boss,
    workers: options.workers,
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
      // pg-boss marks a finished batch complete without waiting for it; on PGlite queries run in order, so this
      // one returns once that has landed (and the caller may close the database).
      await pgliteClientOf(db)?.query("select 1");
      const holder = globalThis as Holder;
      const current = await holder[KEY]?.catch(() => null);
      if (current === runtime) holder[KEY] = undefined;
    },
  };
  log("info", "job runtime started", { workers: options.workers, queues: JOBS.map((j) => j.queue) });
  return runtime;
}

function register(starting: Promise<JobRuntime>): Promise<JobRuntime> {
  const holder = globalThis as Holder;
  holder[KEY] = starting;
  starting.catch(() => {
    if (holder[KEY] === starting) holder[KEY] = undefined;
  });
  return starting;
}

/**
 * Starts pg-boss on the app's database (its tables live in the `pgboss` schema; on PGlite through the app's own
 * PGlite instance, on PostgreSQL with a pool of its own from DATABASE_URL), installs the queues and, with
 * `workers`, the schedules and a worker per queue. It is the process's runtime (getJobRuntime) until stopped.
 */
export function startJobs(db: Db, options: JobRuntimeOptions): Promise<JobRuntime> {
  if ((globalThis as Holder)[KEY]) throw new Error("The job runtime is already started in this process.");
  return register(launch(db, options));
}

/** Whether this process has started (or is starting) its job runtime. */
export function hasJobRuntime(): boolean {
  return Boolean((globalThis as Holder)[KEY]);
}

/**
 * The process's job runtime: the one started at boot (instrumentation.ts, `npm run worker`, a test), or else one
 * that only enqueues and reads, started now on the app's database.
 */
export function getJobRuntime(): Promise<JobRuntime> {
  return (globalThis as Holder)[KEY] ?? register(getDb().then((db) => launch(db, { workers: false })));
}

/**
 * Installs pg-boss's tables and the queues, then lets go: for a process that only enqueues (a CLI, a test).
 * `databaseUrl`: the database `db` is on, when it is not DATABASE_URL's (a benchmark's scratch database).
 */
export async function installJobQueues(db: Db, databaseUrl?: string): Promise<void> {
  const boss = createBoss(db, false, databaseUrl);
  await boss.start();
  try {
    await installQueues(boss);
  } finally {
    await boss.stop({ graceful: false });
  }
}
