import { formatUsdCents } from "@/components/admin/format";
import { StatCard } from "@/components/admin/stat-card";
import { StatusCounts } from "@/components/admin/status-counts";
import { SubscribersCard } from "@/components/admin/subscribers-card";
import { getDb } from "@/db";
import { getAdminOverview } from "@/db/queries/admin";
import { countOpenFlowReports } from "@/db/queries/flow-reports";
import { countFailedStripeEvents } from "@/db/queries/stripe-event-log";
import { getPlatformMetrics, TRIAL_WINDOW_DAYS } from "@/lib/admin/metrics";
import { monthLabel } from "@/lib/payouts/month";

const n = (value: number) => value.toLocaleString("en-US");

/** The numbers: MRR, subscribers, trials, copies this period, revenue, and what needs an admin. */
export async function MetricsSection({ now }: { now: Date }) {
  const db = await getDb();
  const metrics = await getPlatformMetrics(db, { now });
  const [overview, openReports, failedEvents] = await Promise.all([
    getAdminOverview(db, { monthStart: metrics.period.start, monthEnd: metrics.period.end }),
    countOpenFlowReports(db),
    countFailedStripeEvents(db),
  ]);
  const month = monthLabel(metrics.period.month);
  const { trials, copies } = metrics;
  const rate =
    trials.ended > 0
      ? `${Math.round((trials.converted / trials.ended) * 100)}% of ${n(trials.ended)} ended`
      : "none ended";

  return (
    <section aria-labelledby="numbers-title" className="mt-8">
      <h2 id="numbers-title" className="sr-only">
        Numbers
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard
          label="MRR"
          value={<span data-testid="metric-mrr">{formatUsdCents(metrics.mrrCents)}</span>}
          detail="Active and past-due subscriptions × seats × price"
        />
        <StatCard
          label={`Trials, last ${TRIAL_WINDOW_DAYS} days`}
          value={
            <span data-testid="metric-trials">
              {n(trials.started)} started · {n(trials.converted)} converted
            </span>
          }
          detail={`Converted: ${rate}`}
        />
        <StatCard
          label={`Copies in ${month} (UTC)`}
          value={<span data-testid="metric-copies">{n(copies.total)}</span>}
          detail={`${n(copies.qualifying)} qualifying (7¢ each to a creator)`}
        />
        <StatCard
          label="Needs attention"
          value={`${n(overview.payoutsNeedingAdmin)} payouts · ${n(openReports)} reports · ${n(failedEvents)} events`}
          detail="Payouts out of retries; open reports; failed Stripe events"
        />
      </div>
      <div className="mt-4 grid gap-4 md:grid-cols-2 xl:grid-cols-4">
        <SubscribersCard rows={metrics.subscribers} />
        <StatusCounts title="Creator credits by status" rows={overview.creditsByStatus} withAmount />
        <StatusCounts title="Payouts by status" rows={overview.payoutsByStatus} withAmount />
        <StatusCounts title="Emails by status" rows={overview.emailsByStatus} />
      </div>
      <p className="mt-3 text-xs text-ink-subtle">
        Revenue in {month}: {formatUsdCents(overview.revenueThisMonthCents)} (paid invoices, net of refunds).
      </p>
    </section>
  );
}
