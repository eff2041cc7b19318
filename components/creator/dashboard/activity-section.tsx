import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { SERIES_DAYS, type DailyPoint, type SeriesDays } from "@/db/queries/earnings";
import { dashboardHref, type DashboardParams } from "@/lib/earnings/dashboard-params";
import { ActivityCharts } from "./activity-charts";
import { formatCount, formatDayLong, formatUsd } from "./format";

function summarize(points: DailyPoint[], range: SeriesDays): string {
  const copies = points.reduce((n, p) => n + p.qualifyingCopies, 0);
  const cents = points.reduce((n, p) => n + p.earnedCents, 0);
  if (copies === 0) return `No qualifying copies in the last ${range} days.`;
  const best = points.reduce((a, b) => (b.qualifyingCopies > a.qualifyingCopies ? b : a));
  return (
    `${formatCount(copies)} qualifying ${copies === 1 ? "copy" : "copies"} earning ${formatUsd(cents)} in the last ${range} days ` +
    `(pending included). Busiest day: ${formatDayLong(best.day)} with ${formatCount(best.qualifyingCopies)}.`
  );
}

/** Daily qualifying copies and earnings over 30 / 90 / 365 days, chosen by ?range= links. */
export function ActivitySection({ points, params }: { points: DailyPoint[]; params: DashboardParams }) {
  const caption = summarize(points, params.range);
  const empty = points.every((p) => p.qualifyingCopies === 0);
  return (
    <Card id="activity" className="scroll-mt-24">
      <CardHeader>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <CardTitle as="h2">Activity</CardTitle>
          <nav aria-label="Chart range" className="flex rounded-lg border border-line bg-surface-muted p-0.5 text-sm">
            {SERIES_DAYS.map((days) => {
              const active = days === params.range;
              return (
                <Link
                  key={days}
                  href={dashboardHref({ ...params, range: days }, "activity")}
                  scroll={false}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "rounded-md px-3 py-1 font-medium transition-colors focus-visible:outline-2 focus-visible:outline-focus",
                    active ? "bg-surface text-ink shadow-card" : "text-ink-muted hover:text-ink",
                  )}
                >
                  {days === 365 ? "12 months" : `${days} days`}
                </Link>
              );
            })}
          </nav>
        </div>
      </CardHeader>
      <CardContent>
        <figure className="flex flex-col gap-4">
          <figcaption className="text-sm text-ink-muted" data-testid="activity-caption">
            {caption}
          </figcaption>
          {empty ? (
            <p className="rounded-lg border border-dashed border-line-strong px-4 py-10 text-center text-sm text-ink-subtle">
              Charts appear once subscribers copy your premium flows.
            </p>
          ) : (
            <ActivityCharts points={points} />
          )}
          {/* sr-only on the wrapper: a <table> grows to fit its cells, so it cannot shrink itself to 1px. */}
          <div className="sr-only">
            <table>
              <caption>Daily qualifying copies and earnings, last {params.range} days (UTC)</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Qualifying copies</th>
                  <th scope="col">Earnings</th>
                </tr>
              </thead>
              <tbody>
                {points.map((p) => (
                  <tr key={p.day}>
                    <th scope="row">{formatDayLong(p.day)}</th>
                    <td>{p.qualifyingCopies}</td>
                    <td>{formatUsd(p.earnedCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </figure>
      </CardContent>
    </Card>
  );
}
