import { FilterTabs } from "@/components/admin/filter-tabs";
import { ReportsList } from "@/components/admin/reports-list";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination, pageHref } from "@/components/ui/pagination";
import { getDb } from "@/db";
import { listReportQueuePage } from "@/db/queries/flow-reports";
import { ADMIN_NOTE_MAX } from "@/lib/moderation/moderate";
import { dismissReportAction, unpublishReportedFlowAction } from "../actions";
import { choiceParam, pageCount, pageParam, type SearchParams } from "./params";

const PAGE_SIZE = 20;
const FILTERS = ["open", "resolved"] as const;

/** The reports queue: open reports oldest first with Unpublish and Dismiss; resolved ones on the other tab. */
export async function ReportsSection({ params }: { params: SearchParams }) {
  const filter = choiceParam(params, "reports", FILTERS, "open");
  const page = pageParam(params, "reportsPage");
  const { items, total } = await listReportQueuePage(await getDb(), { filter, page, pageSize: PAGE_SIZE });
  const tabParams = { ...params, notice: undefined, reportsPage: undefined };
  return (
    <section id="reports" aria-labelledby="reports-title" className="mt-10">
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <h2 id="reports-title" className="text-lg font-semibold text-ink">
          Reported flows
        </h2>
        <FilterTabs
          label="Filter reports"
          current={filter}
          items={FILTERS.map((value) => ({
            value,
            label: value === "open" ? "Open" : "Resolved",
            href: `${pageHref("/admin", 1, { ...tabParams, reports: value === "open" ? undefined : value })}#reports`,
          }))}
        />
      </div>
      {items.length === 0 ? (
        <EmptyState
          title={filter === "open" ? "No open reports" : "No resolved reports"}
          description="Members report flows from the flow page; their reports wait here for a decision."
        />
      ) : (
        <ReportsList
          reports={items}
          unpublishAction={unpublishReportedFlowAction}
          dismissAction={dismissReportAction}
          noteMax={ADMIN_NOTE_MAX}
        />
      )}
      <Pagination
        className="mt-4"
        page={page}
        pageCount={pageCount(total, PAGE_SIZE)}
        basePath="/admin"
        searchParams={{ ...params, notice: undefined }}
        param="reportsPage"
      />
    </section>
  );
}
