import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { FlowSort, FlowStats, SortDir } from "@/db/queries/earnings";
import { dashboardHref, type DashboardParams } from "@/lib/earnings/dashboard-params";
import { formatCount, formatUsd } from "./format";

type Column = { key: FlowSort; label: string; numeric: boolean; wideOnly: boolean };

const COLUMNS: Column[] = [
  { key: "title", label: "Flow", numeric: false, wideOnly: false },
  { key: "copies", label: "Copies", numeric: true, wideOnly: true },
  { key: "qualifying", label: "Qualifying", numeric: true, wideOnly: true },
  { key: "earnings", label: "Earnings", numeric: true, wideOnly: false },
];

/** Clicking the active column flips it; a new column starts at its natural order (numbers biggest first). */
function nextDir(column: Column, params: DashboardParams): SortDir {
  if (params.sort === column.key) return params.dir === "asc" ? "desc" : "asc";
  return column.numeric ? "desc" : "asc";
}

function sortHref(column: Column, params: DashboardParams): string {
  return dashboardHref({ ...params, sort: column.key, dir: nextDir(column, params) }, "flows");
}

function SortHeader({ column, params }: { column: Column; params: DashboardParams }) {
  const active = params.sort === column.key;
  const dir = nextDir(column, params);
  const arrow = active ? (params.dir === "asc" ? "↑" : "↓") : "↕";
  return (
    <th
      scope="col"
      aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : "none"}
      className={cn(
        "px-3 py-2.5 font-medium first:pl-5 last:pr-5 sm:first:pl-6 sm:last:pr-6",
        column.numeric && "text-right",
        column.wideOnly && "hidden sm:table-cell",
      )}
    >
      <Link
        href={sortHref(column, params)}
        scroll={false}
        className={cn(
          "inline-flex items-center gap-1 rounded-sm hover:text-ink focus-visible:outline-2 focus-visible:outline-focus",
          active ? "text-ink" : "text-ink-muted",
        )}
      >
        {column.label}
        <span aria-hidden="true" className={cn("text-xs", !active && "opacity-40")}>
          {arrow}
        </span>
        <span className="sr-only">, sort {dir === "asc" ? "ascending" : "descending"}</span>
      </Link>
    </th>
  );
}

/** On a phone the count columns fold under the title, so their sort moves to these links. */
function NarrowSortLinks({ params }: { params: DashboardParams }) {
  return (
    <nav aria-label="Sort flows" className="flex flex-wrap items-center gap-x-3 gap-y-1 px-5 pb-3 text-xs sm:hidden">
      <span className="text-ink-subtle">Sort by</span>
      {COLUMNS.map((column) => (
        <Link
          key={column.key}
          href={sortHref(column, params)}
          scroll={false}
          aria-current={params.sort === column.key ? "true" : undefined}
          className={cn(
            "font-medium",
            params.sort === column.key ? "text-ink underline underline-offset-4" : "text-accent-text",
          )}
        >
          {column.key === "title" ? "Name" : column.label}
          {params.sort === column.key ? (params.dir === "asc" ? " ↑" : " ↓") : ""}
        </Link>
      ))}
    </nav>
  );
}

/** Copies and earnings per flow, sortable through URL params (links, so they work with a keyboard and no JS). */
export function FlowTable({ flows, params }: { flows: FlowStats[]; params: DashboardParams }) {
  return (
    <Card id="flows" className="scroll-mt-24">
      <CardHeader>
        <CardTitle as="h2">Your flows</CardTitle>
        <CardDescription>
          Every recorded copy, the ones that qualified for a 7¢ credit, and what they earned (pending included).
        </CardDescription>
      </CardHeader>
      <CardContent className="px-0 sm:px-0">
        {flows.length > 1 ? <NarrowSortLinks params={params} /> : null}
        <div className="relative overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="border-b border-line text-left text-xs tracking-wide uppercase">
              <tr>
                {COLUMNS.map((column) => (
                  <SortHeader key={column.key} column={column} params={params} />
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {flows.map((flow) => (
                <tr key={flow.flowId} data-testid="flow-stats-row">
                  <th scope="row" className="px-3 py-3 pl-5 text-left font-normal sm:max-w-[22rem] sm:pl-6">
                    <Link
                      href={`/flows/${flow.slug}`}
                      className="line-clamp-2 font-medium text-ink hover:text-accent-text hover:underline"
                    >
                      {flow.title}
                    </Link>
                    <span className="mt-1 block text-xs text-ink-subtle sm:hidden">
                      {formatCount(flow.copies)} {flow.copies === 1 ? "copy" : "copies"} ·{" "}
                      {formatCount(flow.qualifyingCopies)} qualifying
                    </span>
                    {flow.status !== "published" || !flow.isPremium ? (
                      <span className="mt-1 flex gap-1.5">
                        {flow.status !== "published" ? (
                          <Badge>{flow.status === "draft" ? "Draft" : "Unpublished"}</Badge>
                        ) : null}
                        {!flow.isPremium ? <Badge variant="free">Free</Badge> : null}
                      </span>
                    ) : null}
                  </th>
                  <td className="hidden px-3 py-3 text-right tabular-nums sm:table-cell" data-column="copies">
                    {formatCount(flow.copies)}
                  </td>
                  <td className="hidden px-3 py-3 text-right tabular-nums sm:table-cell" data-column="qualifying">
                    {formatCount(flow.qualifyingCopies)}
                  </td>
                  <td
                    className="px-3 py-3 pr-5 text-right whitespace-nowrap tabular-nums sm:pr-6"
                    data-column="earnings"
                  >
                    <span className="font-medium text-ink">{formatUsd(flow.earnedCents)}</span>
                    {flow.pendingCents > 0 ? (
                      <span className="block text-xs text-ink-subtle">{formatUsd(flow.pendingCents)} pending</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {flows.length === 0 ? (
          <p className="px-5 pt-6 text-center text-sm text-ink-muted sm:px-6">
            No published flows yet.{" "}
            <Link href="/creator/flows/new" className="font-medium text-accent-text underline">
              Publish one
            </Link>{" "}
            to start earning.
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
