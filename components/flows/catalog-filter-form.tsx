"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition, type FormEvent } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { SearchIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { CatalogFacets, Facet } from "@/db/queries/flows";
import { CATALOG_ACCESS, CATALOG_SORTS, DEFAULT_PAGE_SIZE, SORT_LABELS, catalogHref } from "@/lib/flows/catalog-href";
import type { CatalogParams } from "@/lib/flows/catalog-params";

type Props = { params: CatalogParams; facets: CatalogFacets; hasFilters: boolean };

/**
 * Search, filters and sort in one GET form: without JavaScript the browser submits it to /flows; with it, the
 * same values become the canonical URL (empty fields and defaults left out) and the page updates in place.
 */
export function CatalogFilterForm({ params, facets, hasFilters }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (key: string) => {
      const value = data.get(key);
      return typeof value === "string" && value.trim() ? value.trim() : undefined;
    };
    const access = text("access");
    const sort = text("sort");
    const href = catalogHref({
      q: text("q"),
      agent: text("agent"),
      site: text("site"),
      tag: text("tag"),
      access: CATALOG_ACCESS.find((a) => a === access),
      sort: CATALOG_SORTS.find((s) => s === sort),
      pageSize: params.pageSize,
    });
    startTransition(() => router.push(href));
  }

  return (
    <form
      action="/flows"
      method="get"
      role="search"
      aria-label="Flows"
      onSubmit={onSubmit}
      className="flex flex-col gap-4"
    >
      <div className="flex gap-2">
        <div className="relative min-w-0 flex-1">
          <label htmlFor="catalog-q" className="sr-only">
            Search flows
          </label>
          <SearchIcon
            size={16}
            className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-ink-subtle"
          />
          <Input
            id="catalog-q"
            type="search"
            name="q"
            defaultValue={params.q ?? ""}
            placeholder="Search flows…"
            maxLength={200}
            autoComplete="off"
            enterKeyHint="search"
            className="pl-9"
          />
        </div>
        <Button type="submit" loading={pending}>
          Search
        </Button>
      </div>

      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto]">
        <FacetSelect
          id="catalog-agent"
          name="agent"
          label="Agent"
          anyLabel="Any agent"
          value={params.agent}
          facets={facets.agents}
        />
        <FacetSelect
          id="catalog-site"
          name="site"
          label="Website"
          anyLabel="Any website"
          value={params.site}
          facets={facets.sites}
        />
        <FacetSelect
          id="catalog-tag"
          name="tag"
          label="Tag"
          anyLabel="Any tag"
          value={params.tag}
          facets={facets.tags}
        />
        <LabeledSelect id="catalog-access" name="access" label="Access" defaultValue={params.access ?? ""}>
          <option value="">Free and premium</option>
          <option value="free">Free</option>
          <option value="premium">Premium</option>
        </LabeledSelect>
        <LabeledSelect id="catalog-sort" name="sort" label="Sort by" defaultValue={params.sort}>
          {CATALOG_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </LabeledSelect>
        <div className="flex items-end gap-2">
          <Button type="submit" variant="secondary" loading={pending} className="flex-1 lg:flex-none">
            Apply
          </Button>
          {hasFilters ? (
            <Link
              href={catalogHref({ sort: params.sort })}
              className={buttonClasses({ variant: "ghost", className: "flex-1 lg:flex-none" })}
            >
              Clear
            </Link>
          ) : null}
        </div>
      </div>
      {params.pageSize !== DEFAULT_PAGE_SIZE ? <input type="hidden" name="pageSize" value={params.pageSize} /> : null}
    </form>
  );
}

function LabeledSelect({
  id,
  label,
  children,
  ...props
}: {
  id: string;
  label: string;
  name: string;
  defaultValue: string;
  children: React.ReactNode;
}) {
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <label htmlFor={id} className="text-xs font-medium text-ink-muted">
        {label}
      </label>
      <Select id={id} {...props}>
        {children}
      </Select>
    </div>
  );
}

function FacetSelect({
  value,
  facets,
  anyLabel,
  ...props
}: {
  id: string;
  name: string;
  label: string;
  anyLabel: string;
  value: string | undefined;
  facets: Facet[];
}) {
  // A value from a link (a tag on a flow page) may be outside the top facets: keep it selectable.
  const options = value && !facets.some((f) => f.value === value) ? [{ value, count: 0 }, ...facets] : facets;
  return (
    <LabeledSelect {...props} defaultValue={value ?? ""}>
      <option value="">{anyLabel}</option>
      {options.map((facet) => (
        <option key={facet.value} value={facet.value}>
          {facet.count > 0 ? `${facet.value} (${facet.count})` : facet.value}
        </option>
      ))}
    </LabeledSelect>
  );
}
