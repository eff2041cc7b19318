import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Container } from "@/components/layout/container";
import { PageHeader } from "@/components/layout/page-header";
import { FlowGrid } from "@/components/flows/flow-grid";
import { pluralize } from "@/components/flows/format";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db";
import { listCreatorFlows } from "@/db/queries/flows";
import { loadCreator } from "./creator-data";

// A creator's page: shared by the page served from the cache (app/cached/creators, which middleware rewrites
// /creators/{handle} to) and the uncached route it stands in for. Reads no cookie.

const PAGE_SIZE = 12;

export async function creatorMetadata(handle: string): Promise<Metadata> {
  const creator = await loadCreator(handle);
  if (!creator) return { title: "Creator not found" };
  const name = creator.name?.trim() || `@${creator.handle}`;
  return {
    title: `${name} (@${creator.handle})`,
    description: creator.bio || `Flows for AI browser agents by ${name} on Flowtab.`,
    alternates: { canonical: `/creators/${creator.handle}` },
  };
}

export async function CreatorPage({ handle, page }: { handle: string; page: number }) {
  const creator = await loadCreator(handle);
  if (!creator) notFound();
  const flows = await listCreatorFlows(await getDb(), { handle: creator.handle, page, pageSize: PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(flows.total / PAGE_SIZE));
  const name = creator.name?.trim() || `@${creator.handle}`;

  return (
    <Container className="py-8 sm:py-10">
      <PageHeader
        eyebrow="Creator"
        title={name}
        description={
          <>
            <span className="font-mono text-sm text-ink-subtle">@{creator.handle}</span>
            <span className="text-ink-subtle">
              {" "}
              · {pluralize(creator.publishedFlows, "published flow", "published flows")}
            </span>
            {creator.bio ? <span className="mt-3 block max-w-2xl">{creator.bio}</span> : null}
          </>
        }
      />
      <section aria-labelledby="creator-flows" className="mt-8">
        <h2 id="creator-flows" className="mb-4 text-lg font-semibold tracking-tight text-ink">
          Flows by {name}
        </h2>
        {flows.items.length > 0 ? (
          <>
            <FlowGrid items={flows.items} label={`Flows by ${name}`} />
            <Pagination
              className="mt-8"
              page={flows.page}
              pageCount={pageCount}
              basePath={`/creators/${creator.handle}`}
            />
          </>
        ) : (
          <EmptyState
            title={flows.total > 0 ? "No flows on this page" : "No published flows yet"}
            description={
              flows.total > 0 ? "This page is past the end of the list." : `${name} has not published a flow yet.`
            }
          />
        )}
      </section>
    </Container>
  );
}
