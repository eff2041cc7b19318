import { Button } from "@/components/ui/button";
import { formatDateTime } from "./format";
import { StatusBadge } from "./status-badge";

type EventRow = {
  id: string;
  type: string;
  status: string;
  attempts: number;
  lastError: string | null;
  stripeCreatedAt: Date;
  receivedAt: Date;
  lastAttemptAt: Date;
  processedAt: Date | null;
};

/** The Stripe events log, newest first: each event's outcome, its last error, and "Re-process" for failed ones. */
export function EventsTable({
  events,
  reprocessAction,
}: {
  events: EventRow[];
  reprocessAction: (data: FormData) => Promise<void>;
}) {
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface">
      <table className="w-full min-w-[48rem] text-left text-sm">
        <thead className="border-b border-line bg-surface-muted text-xs text-ink-muted uppercase">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Event
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Status
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Attempts
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Received
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Details
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {events.map((e) => (
            <tr key={e.id} className="align-top" data-testid={`stripe-event-${e.id}`}>
              <td className="px-4 py-3">
                <p className="font-mono text-xs text-ink">{e.type}</p>
                <p className="font-mono text-xs text-ink-subtle">{e.id}</p>
              </td>
              <td className="px-4 py-3">
                <StatusBadge status={e.status} />
              </td>
              <td className="px-4 py-3 tabular-nums">{e.attempts}</td>
              <td className="px-4 py-3 text-xs whitespace-nowrap text-ink-muted">
                {formatDateTime(e.receivedAt)}
                <span className="block text-ink-subtle">created in Stripe {formatDateTime(e.stripeCreatedAt)}</span>
              </td>
              <td className="px-4 py-3 text-xs text-ink-muted">
                {e.status === "processed" ? <p>Applied {formatDateTime(e.processedAt)}</p> : null}
                {e.status === "ignored" ? <p>Not an event Flowtab acts on.</p> : null}
                {e.status === "failed" ? <p>Last attempt {formatDateTime(e.lastAttemptAt)}</p> : null}
                {e.status === "failed" && e.lastError ? (
                  <p className="max-w-md font-mono break-words text-danger-text">{e.lastError}</p>
                ) : null}
                {e.status === "failed" ? (
                  <form action={reprocessAction} className="mt-2">
                    <input type="hidden" name="eventId" value={e.id} />
                    <Button type="submit" size="sm" variant="secondary" aria-label={`Re-process ${e.type} ${e.id}`}>
                      Re-process
                    </Button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
