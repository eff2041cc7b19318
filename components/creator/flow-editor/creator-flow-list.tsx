import Link from "next/link";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { CreatorFlowRow } from "@/db/queries/flow-publishing";
import type { FlowStatus } from "@/db/schema/flows";

const STATUS: Record<FlowStatus, { label: string; variant: BadgeVariant }> = {
  draft: { label: "Draft", variant: "neutral" },
  published: { label: "Published", variant: "success" },
  unpublished: { label: "Unpublished", variant: "warning" },
};

export function FlowStatusBadge({ status }: { status: FlowStatus }) {
  return <Badge variant={STATUS[status].variant}>{STATUS[status].label}</Badge>;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

function formatDate(date: Date): string {
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/**
 * The creator's flows with their status and the actions that fit it. Server component: Publish and Unpublish are
 * plain forms posting to server actions, so they work before (and without) JavaScript.
 */
export function CreatorFlowList({
  flows,
  publishAction,
  unpublishAction,
}: {
  flows: CreatorFlowRow[];
  publishAction: (data: FormData) => Promise<void>;
  unpublishAction: (data: FormData) => Promise<void>;
}) {
  if (flows.length === 0) {
    return (
      <EmptyState
        title="No flows yet"
        description="Write your first flow in the editor, or import a Markdown or JSON file you already have."
        action={
          <Link href="/creator/flows/new" className={buttonClasses()}>
            New flow
          </Link>
        }
      />
    );
  }
  return (
    <ul className="flex flex-col divide-y divide-line overflow-hidden rounded-xl border border-line bg-surface shadow-card">
      {flows.map((flow) => (
        <li
          key={flow.id}
          data-testid="creator-flow-row"
          className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:gap-6 sm:px-5"
        >
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <FlowStatusBadge status={flow.status} />
              {flow.unpublishedByAdmin ? <Badge variant="danger">Unpublished by Flowtab after a report</Badge> : null}
              <Badge variant={flow.isPremium ? "premium" : "free"}>{flow.isPremium ? "Premium" : "Free"}</Badge>
            </div>
            <h3 className="mt-1.5 text-base font-semibold text-ink sm:truncate">
              <Link href={`/creator/flows/${flow.id}/edit`} className="hover:underline">
                {flow.title}
              </Link>
            </h3>
            <p className="mt-0.5 text-xs text-ink-muted">
              {flow.category} · {count(flow.stepCount, "step")} · {count(flow.copies, "copy", "copies")} ·{" "}
              {count(flow.likes, "like")} ·{" "}
              <span className="whitespace-nowrap">edited {formatDate(flow.updatedAt)}</span>
            </p>
          </div>
          <div className="flex shrink-0 flex-wrap items-center gap-2">
            {flow.status === "published" ? (
              <Link href={`/flows/${flow.slug}`} className={buttonClasses({ variant: "ghost", size: "sm" })}>
                View
              </Link>
            ) : null}
            <Link
              href={`/creator/flows/${flow.id}/edit`}
              className={buttonClasses({ variant: "secondary", size: "sm" })}
              aria-label={`Edit ${flow.title}`}
            >
              Edit
            </Link>
            {flow.unpublishedByAdmin ? null : (
              <form action={flow.status === "published" ? unpublishAction : publishAction}>
                <input type="hidden" name="flowId" value={flow.id} />
                {flow.status === "published" ? (
                  <Button type="submit" variant="secondary" size="sm" aria-label={`Unpublish ${flow.title}`}>
                    Unpublish
                  </Button>
                ) : (
                  <Button type="submit" size="sm" aria-label={`Publish ${flow.title}`}>
                    Publish
                  </Button>
                )}
              </form>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
