import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { formatDateTime, humanize } from "./format";
import { StatusBadge } from "./status-badge";

export type ReportRow = {
  id: string;
  reason: string;
  details: string | null;
  status: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolverEmail: string | null;
  flowId: string;
  flowTitle: string;
  flowSlug: string;
  flowStatus: string;
  creatorEmail: string;
  reporterEmail: string;
  openReportsOfFlow: number;
};

type Action = (data: FormData) => Promise<void>;

/** The reports queue: each open report with Unpublish (and a note to the creator) and Dismiss. */
export function ReportsList({
  reports,
  unpublishAction,
  dismissAction,
  noteMax,
}: {
  reports: ReportRow[];
  unpublishAction: Action;
  dismissAction: Action;
  noteMax: number;
}) {
  return (
    <ul className="divide-y divide-line rounded-xl border border-line bg-surface">
      {reports.map((r) => (
        <li key={r.id} className="flex flex-col gap-2 p-4" data-testid={`report-${r.id}`}>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            {r.flowStatus === "published" ? (
              <Link href={`/flows/${r.flowSlug}`} className="font-medium text-ink hover:underline">
                {r.flowTitle}
              </Link>
            ) : (
              <span className="font-medium text-ink">{r.flowTitle}</span>
            )}
            <Badge variant="warning">{humanize(r.reason)}</Badge>
            <StatusBadge status={r.status} />
            {r.flowStatus !== "published" ? <Badge>Flow {r.flowStatus}</Badge> : null}
            {r.status === "open" && r.openReportsOfFlow > 1 ? (
              <Badge variant="danger">{r.openReportsOfFlow} open reports of this flow</Badge>
            ) : null}
          </div>
          {r.details ? <p className="text-sm break-words whitespace-pre-line text-ink-muted">{r.details}</p> : null}
          <p className="text-xs text-ink-subtle">
            Reported by {r.reporterEmail} · {formatDateTime(r.createdAt)} · creator {r.creatorEmail}
            {r.resolvedAt
              ? ` · ${humanize(r.status)} by ${r.resolverEmail ?? "an admin"} ${formatDateTime(r.resolvedAt)}`
              : ""}
          </p>
          {r.status === "open" ? (
            <div className="flex flex-wrap items-start gap-2">
              <details className="group rounded-lg border border-line px-3 py-2 open:w-full open:max-w-xl">
                <summary className="cursor-pointer text-sm font-medium text-danger-text">Unpublish…</summary>
                <form action={unpublishAction} className="mt-3 flex flex-col gap-2">
                  <input type="hidden" name="reportId" value={r.id} />
                  <Label htmlFor={`note-${r.id}`} optional>
                    Note to the creator
                  </Label>
                  <Textarea
                    id={`note-${r.id}`}
                    name="note"
                    rows={3}
                    maxLength={noteMax}
                    placeholder="What to fix before it can be published again."
                  />
                  <p className="text-xs text-ink-subtle">
                    The flow leaves the catalogue, every open report of it is closed, and {r.creatorEmail} is emailed
                    the reason ({humanize(r.reason)}) with this note.
                  </p>
                  <div>
                    <Button type="submit" size="sm" variant="danger">
                      Unpublish “{r.flowTitle}”
                    </Button>
                  </div>
                </form>
              </details>
              <form action={dismissAction}>
                <input type="hidden" name="reportId" value={r.id} />
                <Button type="submit" size="sm" variant="secondary" aria-label={`Dismiss the report of ${r.flowTitle}`}>
                  Dismiss
                </Button>
              </form>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
