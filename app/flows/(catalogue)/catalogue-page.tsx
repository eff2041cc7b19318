import type { Metadata } from "next";
import Link from "next/link";
import { Container } from "@/components/layout/container";
import { PageHeader } from "@/components/layout/page-header";
import { ActiveFilters } from "@/components/flows/active-filters";
import { CatalogEmpty } from "@/components/flows/catalog-empty";
import { CatalogFilterForm } from "@/components/flows/catalog-filter-form";
import { FlowGrid } from "@/components/flows/flow-grid";
import { formatCount } from "@/components/flows/format";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db";
import { getCatalogPage, listFacets } from "@/db/queries/flows";
import type { SearchScope } from "@/db/queries/flows";
import { SORT_DESCRIPTIONS, catalogHref, catalogQueryRecord } from "@/lib/flows/catalog-href";
import { hasCatalogFilters, type CatalogParams } from "@/lib/flows/catalog-params";

// The catalogue (/flows): shared by the page served from the cache (app/cached/flows, which middleware rewrites
// /flows to) and the uncached route it stands in for. Reads no cookie: the search scope comes from the caller.

export function catalogueMetadata(params: CatalogParams): Metadata {
  const filtered = hasCatalogFilters(params) || params.page > 1;
  return {
    title: params.q ? `Flows matching “${params.q}”` : "Browse flows",
    description:
      "Search tested flows for AI browser agents by agent, website and tag. Free flows are open to everyone; premium flows come with a subscription.",
    alternates: { canonical: "/flows" },
    // Search and filter combinations are endless: let crawlers follow them but index only the catalogue itself.
    robots: filtered ? { index: false, follow: true } : undefined,
  };
}

export async function CataloguePage({ params, searchScope }: { params: CatalogParams; searchScope: SearchScope }) {
  const db = await getDb();
  const [catalog, facets] = await Promise.all([getCatalogPage(db, { ...params, searchScope }), listFacets(db)]);
  const filtered = hasCatalogFilters(params);
  const pageCount = Math.max(1, Math.ceil(catalog.total / catalog.pageSize));
  const first = (catalog.page - 1) * catalog.pageSize + 1;
  const last = first + catalog.items.length - 1;

  return (
    <Container className="py-8 sm:py-10">
      <PageHeader
        eyebrow="Catalogue"
        title="Browse flows"
        description="Tested instructions for AI browser agents, one task on one kind of website. Free flows are open to everyone; premium flows come with a subscription."
      />

      <div className="mt-6">
        <CatalogFilterForm key={catalogHref(params)} params={params} facets={facets} hasFilters={filtered} />
      </div>

      <section aria-labelledby="catalog-results" className="mt-8">
        <div className="mb-4 flex flex-col gap-3">
          <h2 id="catalog-results" className="text-sm text-pretty text-ink-muted" aria-live="polite">
            {catalog.items.length > 0 ? (
              <>
                Showing{" "}
                <span className="font-medium text-ink tabular-nums">
                  {formatCount(first)}–{formatCount(last)}
                </span>{" "}
                of <span className="font-medium text-ink tabular-nums">{formatCount(catalog.total)}</span>{" "}
                {catalog.total === 1 ? "flow" : "flows"}
                {params.q ? ", best matches first" : `, ${SORT_DESCRIPTIONS[params.sort]}`}
              </>
            ) : catalog.total > 0 ? (
              <>
                Page {catalog.page} is past the end: there are {formatCount(catalog.total)} flows.
              </>
            ) : (
              <>No flows found</>
            )}
          </h2>
          <ActiveFilters params={params} />
        </div>

        {catalog.items.length > 0 ? (
          <>
            <FlowGrid items={catalog.items} label="Flows" />
            <Pagination
              className="mt-8"
              page={catalog.page}
              pageCount={pageCount}
              basePath="/flows"
              searchParams={catalogQueryRecord(params)}
            />
          </>
        ) : catalog.total > 0 ? (
          <p className="text-sm">
            <Link
              href={catalogHref({ ...params, page: pageCount })}
              className="font-medium text-accent-text hover:underline"
            >
              Go to the last page
            </Link>
          </p>
        ) : (
          <CatalogEmpty params={params} popularTags={facets.tags.slice(0, 12)} />
        )}
      </section>
    </Container>
  );
}
