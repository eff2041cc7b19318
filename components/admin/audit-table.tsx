import { formatDateTime } from "./format";

type AuditRow = {
  id: string;
  actorEmail: string;
  action: string;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
  createdAt: Date;
};

/** A short human line from an entry's details (the JSON stays one click away). */
function summarize(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([, value]) => value !== null && value !== undefined && value !== "")
    .map(([key, value]) => `${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`)
    .join(" · ");
}

/** The admin audit log, newest first. */
export function AuditTable({ entries }: { entries: AuditRow[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface">
      <table className="w-full min-w-[48rem] text-left text-sm">
        <thead className="border-b border-line bg-surface-muted text-xs text-ink-muted uppercase">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              When
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Admin
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Action
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Target
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Details
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {entries.map((e) => (
            <tr key={e.id} className="align-top">
              <td className="px-4 py-2 text-xs whitespace-nowrap text-ink-muted">{formatDateTime(e.createdAt)}</td>
              <td className="px-4 py-2 text-ink">{e.actorEmail}</td>
              <td className="px-4 py-2 font-mono text-xs text-ink">{e.action}</td>
              <td className="px-4 py-2 text-xs text-ink-muted">
                {e.targetType}
                <span className="block font-mono break-all text-ink-subtle">{e.targetId}</span>
              </td>
              <td className="max-w-md px-4 py-2 text-xs break-words text-ink-muted">{summarize(e.details) || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
