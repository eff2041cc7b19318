import { formatDateTime } from "./format";

type EventRow = { id: string; type: string; stripeCreatedAt: Date; processedAt: Date };

/** Stripe webhook events the app applied (processed_stripe_events), newest first. */
export function EventsTable({ events }: { events: EventRow[] }) {
  if (events.length === 0) return <p className="text-sm text-ink-subtle">No webhook events processed yet.</p>;
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <thead className="border-b border-line bg-surface-muted text-xs text-ink-muted uppercase">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Event
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Type
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Created in Stripe
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Processed
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {events.map((e) => (
            <tr key={e.id}>
              <td className="px-4 py-2 font-mono text-xs">{e.id}</td>
              <td className="px-4 py-2 font-mono text-xs">{e.type}</td>
              <td className="px-4 py-2 text-xs text-ink-muted">{formatDateTime(e.stripeCreatedAt)}</td>
              <td className="px-4 py-2 text-xs text-ink-muted">{formatDateTime(e.processedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
