import { inArray } from "drizzle-orm";
import { flows } from "../schema";
import type { Tx } from "../types";
import { chunks, must } from "./batch";
import type { SeedContent } from "./content-types";
import type { SeedFlow } from "./content/types";
import { seedUuid } from "./ids";
import { DEMO_CREATOR_HANDLE } from "./people";
import { addDays, addMs, HOUR_MS, truncateToSecond } from "./time";
import type { UserIds } from "./users-and-tenants";

export type PlannedFlow = SeedFlow & { creatorEmail: string; publishedAt: Date; createdAt: Date };

/** What later steps need to know about a flow row in the database. */
export type FlowRef = { id: string; creatorId: string; tenantId: string; isPremium: boolean };

/** Refuses content that would seed an inconsistent marketplace, with a message naming the culprit. */
export function validateContent(content: SeedContent): void {
  const handles = new Set<string>();
  for (const c of content.creators) {
    if (handles.has(c.handle)) throw new Error(`Seed content: duplicate creator handle "${c.handle}"`);
    handles.add(c.handle);
  }
  if (!handles.has(DEMO_CREATOR_HANDLE)) throw new Error(`Seed content: no creator "${DEMO_CREATOR_HANDLE}"`);
  const slugs = new Set<string>();
  for (const f of content.flows) {
    if (slugs.has(f.slug)) throw new Error(`Seed content: duplicate flow slug "${f.slug}"`);
    slugs.add(f.slug);
    if (!handles.has(f.creatorHandle)) {
      throw new Error(`Seed content: flow "${f.slug}" names unknown creator "${f.creatorHandle}"`);
    }
  }
}

export function planFlows(content: SeedContent, now: Date): PlannedFlow[] {
  const emailByHandle = new Map(content.creators.map((c) => [c.handle, c.email.toLowerCase()]));
  return content.flows.map((flow) => {
    const publishedAt = truncateToSecond(addDays(now, -flow.publishedDaysAgo));
    return {
      ...flow,
      creatorEmail: must(emailByHandle, flow.creatorHandle, "creator"),
      publishedAt,
      // Written as a draft a little before publishing.
      createdAt: addMs(publishedAt, -(2 + (flow.slug.length % 20)) * HOUR_MS),
    };
  });
}

export async function writeFlows(
  tx: Tx,
  planned: readonly PlannedFlow[],
  people: ReadonlyMap<string, UserIds>,
): Promise<Map<string, FlowRef>> {
  for (const batch of chunks(planned)) {
    await tx
      .insert(flows)
      .values(
        batch.map((f) => {
          const creator = must(people, f.creatorEmail, "creator");
          return {
            id: seedUuid("flow", f.slug),
            slug: f.slug,
            title: f.title,
            summary: f.summary,
            promptText: f.promptText,
            steps: f.steps.map((s) => ({ title: s.title, body: s.body })),
            category: f.category,
            agents: f.agents,
            sites: f.sites,
            tags: f.tags,
            isPremium: f.isPremium,
            status: "published" as const,
            creatorId: creator.userId,
            tenantId: creator.tenantId,
            publishedAt: f.publishedAt,
            createdAt: f.createdAt,
            updatedAt: f.publishedAt,
          };
        }),
      )
      .onConflictDoNothing();
  }
  const rows = await tx
    .select({
      id: flows.id,
      slug: flows.slug,
      creatorId: flows.creatorId,
      tenantId: flows.tenantId,
      isPremium: flows.isPremium,
    })
    .from(flows)
    .where(
      inArray(
        flows.slug,
        planned.map((f) => f.slug),
      ),
    );
  return new Map(
    rows.map((r) => [r.slug, { id: r.id, creatorId: r.creatorId, tenantId: r.tenantId, isPremium: r.isPremium }]),
  );
}
