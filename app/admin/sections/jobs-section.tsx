import { JobsPanel } from "@/components/admin/jobs-panel";
import { getDb } from "@/db";
import { listFailedJobs, listQueueDepths } from "@/db/queries/jobs";
import { JOB_SCHEMA } from "@/lib/jobs/queues";

const FAILED_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/** Background job queues (pg-boss): depth per queue and the jobs that failed for good in the last week. */
export async function JobsSection({ now }: { now: Date }) {
  const db = await getDb();
  const failedSince = new Date(now.getTime() - FAILED_WINDOW_MS);
  const [queues, failed] = await Promise.all([
    listQueueDepths(db, { schema: JOB_SCHEMA, failedSince }),
    listFailedJobs(db, { schema: JOB_SCHEMA, failedSince, limit: 20 }),
  ]);
  return (
    <section id="jobs" aria-labelledby="jobs-title" className="mt-10">
      <h2 id="jobs-title" className="mb-4 text-lg font-semibold text-ink">
        Background jobs
      </h2>
      <JobsPanel queues={queues} failed={failed} failedWindowLabel="last 7 days" />
    </section>
  );
}
