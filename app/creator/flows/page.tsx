import type { Metadata } from "next";
import Link from "next/link";
import { CreatorFlowList } from "@/components/creator/flow-editor/creator-flow-list";
import { FlowNotice } from "@/components/creator/flow-editor/flow-notice";
import { Container } from "@/components/layout/container";
import { PageHeader } from "@/components/layout/page-header";
import { buttonClasses } from "@/components/ui/button";
import { getDb } from "@/db";
import { listCreatorFlowsForDashboard } from "@/db/queries/flow-publishing";
import { requirePageUser } from "@/lib/auth/page-guards";
import { getPublishQuota } from "@/lib/publishing/quota";
import { publishFlowAction, unpublishFlowAction } from "./actions";

export const metadata: Metadata = { title: "Your flows" };

type SearchParams = { notice?: string | string[]; error?: string | string[]; flow?: string | string[] };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function CreatorFlowsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser("/creator/flows");
  const params = await searchParams;
  const db = await getDb();
  const [{ flows, counts }, quota] = await Promise.all([
    listCreatorFlowsForDashboard(db, { userId: user.id }),
    getPublishQuota(db, { userId: user.id }),
  ]);
  const flowId = one(params.flow);
  const subject = flows.find((f) => f.id === flowId) ?? null;
  const resets = quota.resetsAt.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
  const usedPercent = Math.min(100, Math.round((quota.used / Math.max(1, quota.limit)) * 100));

  return (
    <Container className="py-10">
      <PageHeader
        eyebrow="Creator"
        title="Your flows"
        description="Write flows, publish them to the catalogue, and keep them up to date."
        actions={
          <Link href="/creator/flows/new" className={buttonClasses()}>
            New flow
          </Link>
        }
      />
      <div className="mt-6 flex flex-col gap-6">
        <FlowNotice notice={one(params.notice)} error={one(params.error)} flow={subject} quota={quota} />

        <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center">
          <div>
            <p className="text-sm text-ink">
              <span className="font-semibold tabular-nums">
                {quota.used} of {quota.limit}
              </span>{" "}
              new flows published this month{" "}
              <span className="text-ink-muted">
                ({quota.planName} plan, resets {resets})
              </span>
            </p>
            <div
              className="mt-2 h-1.5 max-w-sm overflow-hidden rounded-full bg-surface-sunken"
              role="meter"
              aria-label="Publishes used this month"
              aria-valuemin={0}
              aria-valuemax={quota.limit}
              aria-valuenow={quota.used}
            >
              <div
                className={quota.remaining === 0 ? "h-full bg-danger" : "h-full bg-accent"}
                style={{ width: `${usedPercent}%` }}
              />
            </div>
          </div>
          {counts.all > 0 ? (
            <p className="text-sm text-ink-muted">
              {counts.all} flow{counts.all === 1 ? "" : "s"} · {counts.published} published · {counts.draft} draft
              {counts.draft === 1 ? "" : "s"} · {counts.unpublished} unpublished
            </p>
          ) : null}
        </div>

        <CreatorFlowList flows={flows} publishAction={publishFlowAction} unpublishAction={unpublishFlowAction} />
      </div>
    </Container>
  );
}
