import { z } from "zod";
import { FLOW_SORTS, SERIES_DAYS, type FlowSort, type SeriesDays, type SortDir } from "@/db/queries/earnings";

export type DashboardParams = { range: SeriesDays; sort: FlowSort; dir: SortDir };

const DEFAULT_DASHBOARD_PARAMS: DashboardParams = { range: 30, sort: "earnings", dir: "desc" };

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const rangeSchema = z.coerce.number().pipe(z.union(SERIES_DAYS.map((d) => z.literal(d))));
const sortSchema = z.enum(FLOW_SORTS);
const dirSchema = z.enum(["asc", "desc"]);

/** The dashboard's URL state (?range=&sort=&dir=). Anything unknown falls back to the default: it is only a view. */
export function parseDashboardParams(search: Record<string, string | string[] | undefined>): DashboardParams {
  const range = rangeSchema.safeParse(one(search.range));
  const sort = sortSchema.safeParse(one(search.sort));
  const dir = dirSchema.safeParse(one(search.dir));
  const sortValue = sort.success ? sort.data : DEFAULT_DASHBOARD_PARAMS.sort;
  return {
    range: range.success ? (range.data as SeriesDays) : DEFAULT_DASHBOARD_PARAMS.range,
    sort: sortValue,
    // Text sorts read best A-Z, numbers biggest first.
    dir: dir.success ? dir.data : sortValue === "title" ? "asc" : "desc",
  };
}

/** The dashboard URL for a view, leaving defaults out so links stay short. */
export function dashboardHref(params: DashboardParams, hash?: string): string {
  const search = new URLSearchParams();
  if (params.range !== DEFAULT_DASHBOARD_PARAMS.range) search.set("range", String(params.range));
  if (params.sort !== DEFAULT_DASHBOARD_PARAMS.sort || params.dir !== DEFAULT_DASHBOARD_PARAMS.dir) {
    search.set("sort", params.sort);
    search.set("dir", params.dir);
  }
  const query = search.toString();
  return `/creator${query ? `?${query}` : ""}${hash ? `#${hash}` : ""}`;
}

/** YYYY-MM of a date in UTC. */
export function utcMonth(date: Date): string {
  return date.toISOString().slice(0, 7);
}
