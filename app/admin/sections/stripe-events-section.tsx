import { EventsTable } from "@/components/admin/events-table";
import { FilterTabs } from "@/components/admin/filter-tabs";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination, pageHref } from "@/components/ui/pagination";
import { getDb } from "@/db";
import { listStripeEventLogPage } from "@/db/queries/stripe-event-log";
import { STRIPE_EVENT_LOG_STATUSES } from "@/db/schema";
import { reprocessEventAction } from "../actions";
import { choiceParam, pageCount, pageParam, type SearchParams } from "./params";

const PAGE_SIZE = 20;
const FILTERS = ["all", ...STRIPE_EVENT_LOG_STATUSES] as const;
const LABELS: Record<(typeof FILTERS)[number], string> = {
  all: "All",
  failed: "Failed",
  processed: "Processed",
  ignored: "Ignored",
};

/** The Stripe events log: every verified event received, its outcome and last error, and "Re-process". */
export async function StripeEventsSection({ params }: { params: SearchParams }) {
  const filter = choiceParam(params, "events", FILTERS, "all");
  const page = pageParam(params, "eventsPage");
  const { items, total } = await listStripeEventLogPage(await getDb(), {
    status: filter === "all" ? undefined : filter,
    page,
    pageSize: PAGE_SIZE,
  });
  const tabParams = { ...params, notice: undefined, eventsPage: undefined };
  return (
    <section id="stripe-events" aria-labelledby="events-title" className="mt-10">
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <h2 id="events-title" className="text-lg font-semibold text-ink">
          Stripe events
        </h2>
        <FilterTabs
          label="Filter Stripe events"
          current={filter}
          items={FILTERS.map((value) => ({
            value,
            label: LABELS[value],
            href: `${pageHref("/admin", 1, { ...tabParams, events: value === "all" ? undefined : value })}#stripe-events`,
          }))}
        />
      </div>
      {items.length === 0 ? (
        <EmptyState
          title={filter === "all" ? "No Stripe events yet" : `No ${LABELS[filter].toLowerCase()} events`}
          description="Webhook deliveries from Stripe appear here as they arrive."
        />
      ) : (
        <EventsTable events={items} reprocessAction={reprocessEventAction} />
      )}
      <Pagination
        className="mt-4"
        page={page}
        pageCount={pageCount(total, PAGE_SIZE)}
        basePath="/admin"
        searchParams={{ ...params, notice: undefined }}
        param="eventsPage"
      />
    </section>
  );
}
