import Link from "next/link";
import { XIcon } from "@/components/ui/icons";
import { catalogHref } from "@/lib/flows/catalog-href";
import type { CatalogParams } from "@/lib/flows/catalog-params";

type FilterKey = "q" | "agent" | "site" | "tag" | "access";

const LABELS: Record<FilterKey, string> = {
  q: "Search",
  agent: "Agent",
  site: "Website",
  tag: "Tag",
  access: "Access",
};

/** The narrowing in effect, each with a link that removes it (plain links: no JavaScript needed). */
export function ActiveFilters({ params }: { params: CatalogParams }) {
  const active = (Object.keys(LABELS) as FilterKey[]).filter((key) => params[key]);
  if (active.length === 0) return null;
  return (
    <ul aria-label="Active filters" className="flex flex-wrap items-center gap-2">
      {active.map((key) => {
        const value = key === "access" ? (params.access === "free" ? "Free" : "Premium") : params[key];
        return (
          <li key={key}>
            <Link
              href={catalogHref({ ...params, [key]: undefined, page: 1 })}
              aria-label={`Remove ${LABELS[key].toLowerCase()} filter: ${value}`}
              className="inline-flex max-w-full items-center gap-1.5 rounded-full border border-line bg-surface py-1 pr-2 pl-3 text-xs text-ink shadow-card transition-colors hover:border-line-strong hover:bg-surface-muted"
            >
              <span className="text-ink-subtle">{LABELS[key]}:</span>
              <span className="truncate font-medium">{key === "q" ? `“${value}”` : value}</span>
              <XIcon size={12} className="shrink-0 text-ink-subtle" />
            </Link>
          </li>
        );
      })}
      {active.length > 1 ? (
        <li>
          <Link
            href={catalogHref({ sort: params.sort })}
            className="text-xs font-medium text-accent-text hover:underline"
          >
            Clear all
          </Link>
        </li>
      ) : null}
    </ul>
  );
}
