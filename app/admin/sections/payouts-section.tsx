import { FilterTabs } from "@/components/admin/filter-tabs";
import { PayoutsTable } from "@/components/admin/payouts-table";
import { RunPayoutsForm } from "@/components/admin/run-payouts-form";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination, pageHref } from "@/components/ui/pagination";
import { getDb } from "@/db";
import { listPayoutsPage, type PayoutFilter } from "@/db/queries/payouts";
import { monthLabel, previousMonth } from "@/lib/payouts/month";
import { retryPayoutAction, runPayoutsAction } from "../actions";
import { choiceParam, pageCount, pageParam, type SearchParams } from "./params";

const PAGE_SIZE = 20;
const FILTERS: readonly PayoutFilter[] = ["all", "failed", "needs_admin"];
const LABELS: Record<PayoutFilter, string> = { all: "All", failed: "Failed", needs_admin: "Needs an admin" };

/** Payouts by creator and month, "Run payouts" for the last full month, and "Retry now" on failed ones. */
export async function PayoutsSection({ now, params }: { now: Date; params: SearchParams }) {
  const filter = choiceParam(params, "payouts", FILTERS, "all");
  const page = pageParam(params, "payoutsPage");
  const { items, total } = await listPayoutsPage(await getDb(), { filter, page, pageSize: PAGE_SIZE });
  const payoutMonth = previousMonth(now);
  const tabParams = { ...params, notice: undefined, payoutsPage: undefined };
  return (
    <section id="payouts" aria-labelledby="payouts-title" className="mt-10">
      <div className="mb-4 flex flex-col gap-3">
        <h2 id="payouts-title" className="text-lg font-semibold text-ink">
          Payouts
        </h2>
        <RunPayoutsForm month={payoutMonth} monthLabel={monthLabel(payoutMonth)} action={runPayoutsAction} />
        <FilterTabs
          label="Filter payouts"
          current={filter}
          items={FILTERS.map((value) => ({
            value,
            label: LABELS[value],
            href: `${pageHref("/admin", 1, { ...tabParams, payouts: value === "all" ? undefined : value })}#payouts`,
          }))}
        />
      </div>
      {items.length === 0 ? (
        <EmptyState
          title={filter === "all" ? "No payouts yet" : `No payouts: ${LABELS[filter].toLowerCase()}`}
          description="The monthly run creates one payout per creator and month."
        />
      ) : (
        <PayoutsTable payouts={items} retryAction={retryPayoutAction} />
      )}
      <Pagination
        className="mt-4"
        page={page}
        pageCount={pageCount(total, PAGE_SIZE)}
        basePath="/admin"
        searchParams={{ ...params, notice: undefined }}
        param="payoutsPage"
      />
    </section>
  );
}
