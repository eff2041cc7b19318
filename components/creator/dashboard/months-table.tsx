import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { EarningsMonth } from "@/db/queries/earnings";
import { formatCount, formatMonth, formatMonthShort, formatUsd } from "./format";
import { MonthStatusBadge } from "./status-badges";

/** Earnings per UTC month of the copies, newest first, each with its CSV statement. */
export function MonthsTable({ months, limit }: { months: EarningsMonth[]; limit?: number }) {
  const shown = limit ? months.slice(0, limit) : months;
  return (
    <Card id="months" className="scroll-mt-24">
      <CardHeader>
        <div className="flex items-center justify-between gap-3">
          <CardTitle as="h2">By month</CardTitle>
          {limit && months.length > limit ? (
            <Link href="/creator/payouts#months" className="text-sm font-medium text-accent-text hover:underline">
              All months
            </Link>
          ) : null}
        </div>
        <CardDescription>
          Credits by the month of the copy. &ldquo;Partly paid&rdquo; months have credits in more than one state.
        </CardDescription>
      </CardHeader>
      <CardContent className="px-0 sm:px-0">
        {shown.length === 0 ? (
          <p className="px-5 text-sm text-ink-muted sm:px-6">No credits yet.</p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="border-b border-line text-left text-xs tracking-wide text-ink-muted uppercase">
                <tr>
                  <th scope="col" className="px-3 py-2.5 pl-5 font-medium sm:pl-6">
                    Month
                  </th>
                  <th scope="col" className="hidden px-3 py-2.5 text-right font-medium sm:table-cell">
                    Copies
                  </th>
                  <th scope="col" className="px-3 py-2.5 text-right font-medium">
                    Earnings
                  </th>
                  <th scope="col" className="px-3 py-2.5 font-medium">
                    Status
                  </th>
                  <th scope="col" className="px-3 py-2.5 pr-5 text-right font-medium sm:pr-6">
                    <span className="sr-only">Statement</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {shown.map((m) => (
                  <tr key={m.month} data-testid="month-row" data-month={m.month}>
                    <th
                      scope="row"
                      className="px-3 py-2.5 pl-5 text-left font-medium whitespace-nowrap text-ink sm:pl-6"
                    >
                      {formatMonthShort(m.month)}
                      <span className="block text-xs font-normal text-ink-subtle sm:hidden">
                        {formatCount(m.qualifyingCopies)} {m.qualifyingCopies === 1 ? "copy" : "copies"}
                      </span>
                    </th>
                    <td className="hidden px-3 py-2.5 text-right tabular-nums sm:table-cell" data-column="copies">
                      {formatCount(m.qualifyingCopies)}
                    </td>
                    <td className="px-3 py-2.5 text-right whitespace-nowrap tabular-nums">
                      {formatUsd(m.earnedCents)}
                      {m.reversedCents + m.voidCents > 0 ? (
                        <span className="block text-xs whitespace-normal text-ink-subtle">
                          {formatUsd(m.reversedCents + m.voidCents)} void or refunded
                        </span>
                      ) : null}
                    </td>
                    <td className="px-3 py-2.5">
                      <MonthStatusBadge status={m.status} />
                    </td>
                    <td className="px-3 py-2.5 pr-5 text-right sm:pr-6">
                      <a
                        href={`/creator/export/credits.csv?month=${m.month}`}
                        download
                        className="font-medium text-accent-text hover:underline"
                        aria-label={`Download the CSV of ${formatMonth(m.month)}`}
                      >
                        CSV
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
