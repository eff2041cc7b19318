import type { FailedJob, QueueDepth } from "@/db/queries/jobs";
import { formatDateTime } from "./format";

const th = "px-4 py-2 font-medium";

function summarizeData(data: unknown): string {
  const text = typeof data === "string" ? data : JSON.stringify(data ?? null);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** Background jobs (pg-boss): what each queue holds, and the jobs that failed for good with their error. */
export function JobsPanel({
  queues,
  failed,
  failedWindowLabel,
}: {
  queues: QueueDepth[] | null;
  failed: FailedJob[];
  failedWindowLabel: string;
}) {
  if (!queues) {
    return <p className="text-sm text-ink-subtle">The job tables are not installed yet: start the app or a worker.</p>;
  }
  return (
    <div className="flex flex-col gap-6">
      <div className="overflow-x-auto rounded-xl border border-line bg-surface">
        <table className="w-full min-w-[40rem] text-left text-sm" data-testid="job-queues">
          <caption className="sr-only">Jobs per queue</caption>
          <thead className="border-b border-line bg-surface-muted text-xs text-ink-muted uppercase">
            <tr>
              <th scope="col" className={th}>
                Queue
              </th>
              <th scope="col" className={`${th} text-right`}>
                Waiting
              </th>
              <th scope="col" className={`${th} text-right`}>
                Retrying
              </th>
              <th scope="col" className={`${th} text-right`}>
                Running
              </th>
              <th scope="col" className={`${th} text-right`}>
                Failed ({failedWindowLabel})
              </th>
              <th scope="col" className={th}>
                Oldest waiting since
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {queues.map((q) => (
              <tr key={q.queue}>
                <th scope="row" className="px-4 py-2 text-left font-mono text-xs font-normal whitespace-nowrap">
                  {q.queue}
                </th>
                <td className="px-4 py-2 text-right tabular-nums">{q.waiting}</td>
                <td className="px-4 py-2 text-right tabular-nums">{q.retrying}</td>
                <td className="px-4 py-2 text-right tabular-nums">{q.active}</td>
                <td className="px-4 py-2 text-right tabular-nums">{q.failed}</td>
                <td className="px-4 py-2 text-xs text-ink-muted">{formatDateTime(q.oldestWaitingAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div>
        <h3 className="mb-2 text-sm font-semibold text-ink">Failed jobs</h3>
        {failed.length === 0 ? (
          <p className="text-sm text-ink-subtle">No job failed for good in the {failedWindowLabel}.</p>
        ) : (
          <div className="overflow-x-auto rounded-xl border border-line bg-surface">
            <table className="w-full min-w-[48rem] text-left text-sm" data-testid="failed-jobs">
              <thead className="border-b border-line bg-surface-muted text-xs text-ink-muted uppercase">
                <tr>
                  <th scope="col" className={th}>
                    Failed
                  </th>
                  <th scope="col" className={th}>
                    Queue
                  </th>
                  <th scope="col" className={th}>
                    Attempts
                  </th>
                  <th scope="col" className={th}>
                    Error
                  </th>
                  <th scope="col" className={th}>
                    Data
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {failed.map((job) => (
                  <tr key={job.id}>
                    <td className="px-4 py-2 text-xs whitespace-nowrap text-ink-muted">
                      {formatDateTime(job.failedAt)}
                    </td>
                    <td className="px-4 py-2 font-mono text-xs">{job.queue}</td>
                    <td className="px-4 py-2 tabular-nums">{job.attempts}</td>
                    <td className="px-4 py-2 text-xs text-danger-text">{job.error ?? "—"}</td>
                    <td className="px-4 py-2 font-mono text-xs text-ink-muted">{summarizeData(job.data)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}
