import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { SearchIcon } from "@/components/ui/icons";
import { EmptyState } from "@/components/ui/empty-state";
import type { Facet } from "@/db/queries/flows";
import { catalogHref } from "@/lib/flows/catalog-href";
import type { CatalogParams } from "@/lib/flows/catalog-params";

/** No result: say what was searched, offer to widen the search, and suggest popular tags. */
export function CatalogEmpty({ params, popularTags }: { params: CatalogParams; popularTags: Facet[] }) {
  const narrowed = Boolean(params.agent || params.site || params.tag || params.access);
  return (
    <EmptyState
      icon={<SearchIcon size={20} />}
      title={params.q ? `No flows match “${params.q}”` : "No flows match these filters"}
      description={
        params.q && narrowed
          ? "Try the search without filters, fewer words, or the start of a word (“merg” finds “merge”)."
          : params.q
            ? "Try fewer words, or the start of a word (“merg” finds “merge”)."
            : "Try removing a filter."
      }
      action={
        <div className="flex flex-col items-center gap-5">
          <div className="flex flex-wrap justify-center gap-2">
            {params.q && narrowed ? (
              <Link
                href={catalogHref({ q: params.q, sort: params.sort })}
                className={buttonClasses({ variant: "secondary" })}
              >
                Search all flows
              </Link>
            ) : null}
            <Link href={catalogHref({ sort: params.sort })} className={buttonClasses()}>
              Clear search and filters
            </Link>
          </div>
          {popularTags.length > 0 ? (
            <div>
              <p className="text-xs font-medium text-ink-subtle">Popular tags</p>
              <ul className="mt-2 flex max-w-md flex-wrap justify-center gap-2">
                {popularTags.map((tag) => (
                  <li key={tag.value}>
                    <Link
                      href={catalogHref({ tag: tag.value })}
                      className="inline-flex rounded-full border border-line bg-surface px-3 py-1 text-xs text-ink-muted transition-colors hover:border-line-strong hover:text-ink"
                    >
                      #{tag.value}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      }
    />
  );
}
