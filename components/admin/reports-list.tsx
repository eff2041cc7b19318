import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDateTime, humanize } from "./format";

type ReportRow = {
  id: string;
  reason: string;
  details: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
  flowTitle: string;
  flowSlug: string;
  flowStatus: string;
  reporterEmail: string;
};

/** Reported flows, open ones first. */
export function ReportsList({ reports }: { reports: ReportRow[] }) {
  if (reports.length === 0) return <p className="text-sm text-ink-subtle">No flows have been reported.</p>;
  return (
    <ul className="divide-y divide-line rounded-xl border border-line bg-surface">
      {reports.map((r) => (
        <li key={r.id} className="flex flex-col gap-1 p-4">
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <Link href={`/flows/${r.flowSlug}`} className="font-medium text-ink hover:underline">
              {r.flowTitle}
            </Link>
            <Badge variant="warning">{humanize(r.reason)}</Badge>
            {r.resolvedAt ? <Badge variant="success">Resolved</Badge> : <Badge variant="danger">Open</Badge>}
            {r.flowStatus !== "published" ? <Badge>{humanize(r.flowStatus)}</Badge> : null}
          </p>
          {r.details ? <p className="text-sm break-words whitespace-pre-line text-ink-muted">{r.details}</p> : null}
          <p className="text-xs text-ink-subtle">
            by {r.reporterEmail} · {formatDateTime(r.createdAt)}
          </p>
        </li>
      ))}
    </ul>
  );
}
