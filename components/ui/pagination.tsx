import Link from "next/link";
import { cn } from "./cn";
import { ChevronLeftIcon, ChevronRightIcon } from "./icons";

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

export type PaginationProps = {
  /** 1-based current page. */
  page: number;
  pageCount: number;
  /** Path the links point to, e.g. "/flows". */
  basePath: string;
  /** The current search params (a page's awaited `searchParams`); all are kept except the page param. */
  searchParams?: SearchParamsRecord | URLSearchParams;
  /** Name of the page query parameter. Default "page". */
  param?: string;
  className?: string;
};

/** The href for one page: other params kept, page 1 omits the param. */
function pageHref(
  basePath: string,
  page: number,
  searchParams: SearchParamsRecord | URLSearchParams = {},
  param = "page",
): string {
  const query = new URLSearchParams();
  const entries: Array<[string, string | string[] | undefined]> =
    searchParams instanceof URLSearchParams ? [...searchParams.entries()] : Object.entries(searchParams);
  for (const [key, value] of entries) {
    if (key === param || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) query.append(key, v);
  }
  if (page > 1) query.set(param, String(page));
  const qs = query.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

/** Page numbers to show, with "gap" where pages are skipped: 1 … 4 5 6 … 20. */
function paginationItems(page: number, pageCount: number): Array<number | "gap"> {
  if (pageCount <= 7) return Array.from({ length: pageCount }, (_, i) => i + 1);
  const start = Math.max(2, Math.min(page - 1, pageCount - 4));
  const end = Math.min(pageCount - 1, Math.max(page + 1, 5));
  const items: Array<number | "gap"> = [1];
  // A gap that would hide a single page shows that page instead.
  if (start === 3) items.push(2);
  else if (start > 3) items.push("gap");
  for (let p = start; p <= end; p++) items.push(p);
  if (end === pageCount - 2) items.push(pageCount - 1);
  else if (end < pageCount - 2) items.push("gap");
  items.push(pageCount);
  return items;
}

const itemBase =
  "inline-flex h-9 min-w-9 items-center justify-center rounded-lg px-2 text-sm font-medium tabular-nums transition-colors";

/** Server component: plain links, works without JavaScript. Renders nothing for a single page. */
export function Pagination({ page, pageCount, basePath, searchParams, param = "page", className }: PaginationProps) {
  if (pageCount <= 1) return null;
  const current = Math.min(Math.max(1, page), pageCount);
  const href = (p: number) => pageHref(basePath, p, searchParams, param);

  return (
    <nav aria-label="Pagination" className={cn("flex items-center justify-between gap-2 sm:justify-center", className)}>
      <PrevNext href={current > 1 ? href(current - 1) : null} direction="prev" />
      <ol className="hidden items-center gap-1 sm:flex">
        {paginationItems(current, pageCount).map((item, i) =>
          item === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-ink-subtle">
              …
            </li>
          ) : (
            <li key={item}>
              <Link
                href={href(item)}
                aria-current={item === current ? "page" : undefined}
                aria-label={`Page ${item}`}
                className={cn(
                  itemBase,
                  item === current
                    ? "bg-inverse text-on-inverse"
                    : "text-ink-muted hover:bg-surface-muted hover:text-ink",
                )}
              >
                {item}
              </Link>
            </li>
          ),
        )}
      </ol>
      <p className="text-sm text-ink-muted tabular-nums sm:hidden">
        Page {current} of {pageCount}
      </p>
      <PrevNext href={current < pageCount ? href(current + 1) : null} direction="next" />
    </nav>
  );
}

function PrevNext({ href, direction }: { href: string | null; direction: "prev" | "next" }) {
  const label = direction === "prev" ? "Previous" : "Next";
  const content =
    direction === "prev" ? (
      <>
        <ChevronLeftIcon /> {label}
      </>
    ) : (
      <>
        {label} <ChevronRightIcon />
      </>
    );
  const classes = cn(itemBase, "gap-1 border border-line px-3");
  if (!href) {
    return (
      <span aria-disabled="true" className={cn(classes, "cursor-not-allowed text-ink-subtle opacity-60")}>
        {content}
      </span>
    );
  }
  return (
    <Link href={href} rel={direction} className={cn(classes, "text-ink hover:bg-surface-muted")}>
      {content}
    </Link>
  );
}
