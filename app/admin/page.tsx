import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { EventsTable } from "@/components/admin/events-table";
import { formatUsdCents } from "@/components/admin/format";
import { JobsPanel } from "@/components/admin/jobs-panel";
import { PayoutsTable } from "@/components/admin/payouts-table";
import { ReconciliationCard } from "@/components/admin/reconciliation-card";
import { ReportsList } from "@/components/admin/reports-list";
import { RunPayoutsForm } from "@/components/admin/run-payouts-form";
import { StatCard } from "@/components/admin/stat-card";
import { StatusCounts } from "@/components/admin/status-counts";
import { Container } from "@/components/layout/container";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/db";
import { countOpenFlowReports, getAdminOverview, listFlowReports, listRecentStripeEvents } from "@/db/queries/admin";
import { listFailedJobs, listQueueDepths } from "@/db/queries/jobs";
import { listRecentPayouts } from "@/db/queries/payouts";
import { getLatestReconciliationRun } from "@/db/queries/reconcile";
import { JOB_SCHEMA } from "@/lib/jobs/queues";
import { monthBounds, monthLabel, monthOf, previousMonth } from "@/lib/payouts/month";
import { retryPayoutAction, runPayoutsAction } from "./actions";
import { requireAdminPage } from "./admin-guard";

export const metadata: Metadata = { title: "Admin", robots: { index: false } };

const NOTICES: Record<string, { variant: "success" | "warning" | "danger"; text: string }> = {
  "retry-paid": { variant: "success", text: "The payout was retried and paid." },
  "retry-failed": { variant: "warning", text: "The payout was retried and failed again; see its last error." },
  "retry-busy": { variant: "warning", text: "A payout run is in progress. Try again when it has finished." },
  "retry-invalid": {
    variant: "danger",
    text: "That payout cannot be retried (it is not failed, or it does not exist).",
  },
};

export default async function AdminPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdminPage("/admin");
  const { notice } = await searchParams;
  const db = await getDb();
  const now = new Date();
  const thisMonth = monthOf(now);
  const payoutMonth = previousMonth(now);
  const bounds = monthBounds(thisMonth);
  const failedSince = new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000);
  const [overview, payouts, events, reports, openReports, reconciliation, queues, failedJobs] = await Promise.all([
    getAdminOverview(db, { monthStart: bounds.start, monthEnd: bounds.end }),
    listRecentPayouts(db, { limit: 25 }),
    listRecentStripeEvents(db, { limit: 20 }),
    listFlowReports(db, { limit: 20 }),
    countOpenFlowReports(db),
    getLatestReconciliationRun(db),
    listQueueDepths(db, { schema: JOB_SCHEMA, failedSince }),
    listFailedJobs(db, { schema: JOB_SCHEMA, failedSince, limit: 20 }),
  ]);
  const shown = typeof notice === "string" ? NOTICES[notice] : undefined;
  const live = overview.subscriptionsByStatus
    .filter((s) => ["trialing", "active", "past_due"].includes(s.status))
    .reduce((sum, s) => sum + s.count, 0);

  return (
    <Container className="py-10">
      <PageHeader
        eyebrow="Platform admin"
        title="Admin console"
        description="Revenue, subscribers, copies, creator payouts, webhook events and reports."
      />
      <AdminNav current="/admin" />

      {shown ? (
        <Alert variant={shown.variant} className="mt-6">
          {shown.text}
        </Alert>
      ) : null}

      <section aria-labelledby="numbers-title" className="mt-8">
        <h2 id="numbers-title" className="sr-only">
          Numbers
        </h2>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <StatCard
            label={`Revenue in ${monthLabel(thisMonth)}`}
            value={formatUsdCents(overview.revenueThisMonthCents)}
            detail="Paid invoices, net of refunds"
          />
          <StatCard
            label="Live subscriptions"
            value={live.toLocaleString("en-US")}
            detail={`${overview.liveSeats.toLocaleString("en-US")} seats (trialing, active, past due)`}
          />
          <StatCard
            label={`Copies in ${monthLabel(thisMonth)}`}
            value={overview.copiesThisMonth.total.toLocaleString("en-US")}
            detail={`${overview.copiesThisMonth.qualifying.toLocaleString("en-US")} qualifying`}
          />
          <StatCard
            label="Needs attention"
            value={`${overview.payoutsNeedingAdmin} payouts · ${openReports} reports`}
            detail="Payouts out of automatic retries; open flow reports"
          />
        </div>
        <div className="mt-4 grid gap-4 md:grid-cols-2 xl:grid-cols-4">
          <StatusCounts title="Subscriptions by status" rows={overview.subscriptionsByStatus} />
          <StatusCounts title="Creator credits by status" rows={overview.creditsByStatus} withAmount />
          <StatusCounts title="Payouts by status" rows={overview.payoutsByStatus} withAmount />
          <StatusCounts title="Emails by status" rows={overview.emailsByStatus} />
        </div>
      </section>

      <section aria-labelledby="ledger-title" className="mt-10">
        <h2 id="ledger-title" className="mb-4 text-lg font-semibold text-ink">
          Ledger
        </h2>
        <ReconciliationCard run={reconciliation} />
      </section>

      <section id="payouts" aria-labelledby="payouts-title" className="mt-10">
        <div className="mb-4 flex flex-col gap-3">
          <h2 id="payouts-title" className="text-lg font-semibold text-ink">
            Payouts
          </h2>
          <RunPayoutsForm month={payoutMonth} monthLabel={monthLabel(payoutMonth)} action={runPayoutsAction} />
        </div>
        <PayoutsTable payouts={payouts} retryAction={retryPayoutAction} />
      </section>

      <section aria-labelledby="jobs-title" className="mt-10">
        <h2 id="jobs-title" className="mb-4 text-lg font-semibold text-ink">
          Background jobs
        </h2>
        <JobsPanel queues={queues} failed={failedJobs} failedWindowLabel="last 7 days" />
      </section>

      <section aria-labelledby="events-title" className="mt-10">
        <h2 id="events-title" className="mb-4 text-lg font-semibold text-ink">
          Recent webhook events
        </h2>
        <EventsTable events={events} />
      </section>

      <section aria-labelledby="reports-title" className="mt-10">
        <h2 id="reports-title" className="mb-4 text-lg font-semibold text-ink">
          Reported flows
        </h2>
        <ReportsList reports={reports} />
      </section>
    </Container>
  );
}
