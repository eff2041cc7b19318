import Link from "next/link";
import { formatDateTime, humanize } from "./format";
import { StatusBadge } from "./status-badge";

type OutboxRow = {
  id: string;
  toAddress: string;
  kind: string;
  subject: string;
  status: string;
  error: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

/** One page of the email outbox, newest first; each subject opens the message. */
export function OutboxTable({ emails }: { emails: OutboxRow[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface">
      <table className="w-full min-w-[44rem] text-left text-sm">
        <thead className="border-b border-line bg-surface-muted text-xs text-ink-muted uppercase">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Subject
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              To
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Kind
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Status
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Queued
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {emails.map((e) => (
            <tr key={e.id} className="align-top">
              <td className="px-4 py-2">
                <Link href={`/admin/outbox/${e.id}`} className="font-medium text-ink hover:underline">
                  {e.subject}
                </Link>
                {e.error ? <p className="mt-1 text-xs break-words text-danger-text">{e.error}</p> : null}
              </td>
              <td className="px-4 py-2 text-ink-muted">{e.toAddress}</td>
              <td className="px-4 py-2 text-xs text-ink-muted">{humanize(e.kind)}</td>
              <td className="px-4 py-2">
                <StatusBadge status={e.status} />
              </td>
              <td className="px-4 py-2 text-xs whitespace-nowrap text-ink-muted">{formatDateTime(e.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
