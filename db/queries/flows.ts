import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { allOf } from "../conditions";
import { queryRows } from "../rows";
import { flows, users, type FlowStep } from "../schema";
import type { Executor } from "../types";

// Public catalogue reads. Nothing here selects `prompt_text` or step bodies, except getFlowPromptForEntitledUser,
// which a caller uses only after an entitlement check (lib/flows/flow-text.ts).
//
// Counters: `copies` is flows.copy_count (all-time copies); the "popular" sort orders by
// flows.recent_copy_count (copies in the last 30 days), so a new flow that is copied a lot rises quickly.

type CatalogSort = "popular" | "new" | "liked";
type CatalogAccess = "free" | "premium";

/** One flow as a card in a list: the public shape of `GET /api/v1/flows` items. */
export type CatalogItem = {
  slug: string;
  title: string;
  summary: string;
  agents: string[];
  sites: string[];
  tags: string[];
  isPremium: boolean;
  creator: { handle: string | null; name: string | null };
  /** All-time copies (flows.copy_count). */
  copies: number;
  likes: number;
  updatedAt: Date;
};

export type CatalogPage = { items: CatalogItem[]; page: number; pageSize: number; total: number };

/**
 * Which document a search matches (issue 11): "public" (title, summary, tags, sites, agents, step titles, and a free
 * flow's text) for anyone without premium access, "full" (a premium flow's step bodies and prompt too) for readers
 * with premium access. A search that could match hidden text would reveal it word by word.
 */
export type SearchScope = "public" | "full";

export type CatalogQuery = {
  q?: string;
  /** Required, so every caller decides from the caller's entitlement. */
  searchScope: SearchScope;
  agent?: string;
  site?: string;
  tag?: string;
  access?: CatalogAccess;
  sort: CatalogSort;
  page: number;
  pageSize: number;
};

/** A catalogue query after the search words became a tsquery (null: no text filter). */
export type CatalogFilters = Omit<CatalogQuery, "q"> & { tsQuery: string | null; creatorHandle?: string };

const MAX_SEARCH_WORDS = 8;
const MAX_WORD_LENGTH = 40;

/**
 * Turns what a user typed into prefix tsquery source: each word becomes `word:*`, all ANDed.
 * Only runs of letters, marks and digits survive, so no tsquery operator (& | ! ( ) : * < > ' \) gets through.
 * Returns null when nothing is left.
 */
export function toPrefixTsQuerySource(input: string): string | null {
  // A word needs a letter or digit: a lone combining mark would leave a bare ":*", a tsquery syntax error.
  const words = (input.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const unique = [...new Set(words.map((w) => w.slice(0, MAX_WORD_LENGTH)))].slice(0, MAX_SEARCH_WORDS);
  if (unique.length === 0) return null;
  return unique.map((w) => `${w}:*`).join(" & ");
}

/**
 * The normalised tsquery text for the user's words (stemmed by the english configuration), or null when the
 * words clean to nothing or are all stop words ("how to"): then there is no text filter rather than no result.
 */
async function toSearchTsQuery(db: Executor, input: string | undefined): Promise<string | null> {
  const source = input ? toPrefixTsQuerySource(input) : null;
  if (!source) return null;
  const [row] = await queryRows<{ query: string }>(db, sql`select to_tsquery('english', ${source})::text as query`);
  return row?.query ? row.query : null;
}

export async function prepareCatalogFilters(db: Executor, params: CatalogQuery): Promise<CatalogFilters> {
  const { q, ...rest } = params;
  return { ...rest, tsQuery: await toSearchTsQuery(db, q) };
}

// Literal, not a bind parameter: the planner must see `status = 'published'` to use the partial sort indexes.
const isPublished = sql`${flows.status} = 'published'`;

function searchVectorFor(scope: SearchScope) {
  return scope === "full" ? flows.searchVector : flows.publicSearchVector;
}

function catalogWhere(f: CatalogFilters): SQL {
  const conditions: SQL[] = [];
  if (f.tsQuery) conditions.push(sql`${searchVectorFor(f.searchScope)} @@ ${f.tsQuery}::tsquery`);
  // `@>` on the text[] columns is what their GIN indexes answer.
  if (f.agent) conditions.push(sql`${flows.agents} @> array[${f.agent}]::text[]`);
  if (f.site) conditions.push(sql`${flows.sites} @> array[${f.site}]::text[]`);
  if (f.tag) conditions.push(sql`${flows.tags} @> array[${f.tag}]::text[]`);
  if (f.access) conditions.push(sql`${flows.isPremium} = ${sql.raw(f.access === "premium" ? "true" : "false")}`);
  if (f.creatorHandle) {
    conditions.push(sql`${flows.creatorId} = (select u.id from ${users} u where u.handle = ${f.creatorHandle})`);
  }
  return allOf(isPublished, ...conditions);
}

// Each sort is (key desc nulls last, id asc): exactly the order of its partial index (the migration creates them
// DESC NULLS LAST; a plain DESC means NULLS FIRST and would not match), so page 1 is an index scan plus LIMIT.
function sortOrder(sort: CatalogSort): SQL[] {
  const key = sort === "new" ? flows.publishedAt : sort === "liked" ? flows.likeCount : flows.recentCopyCount;
  return [sql`${key} desc nulls last`, asc(flows.id)];
}

// Weights {D, C, B, A}: a title hit (A) outranks a pile of prompt-body hits (D).
const RANK_WEIGHTS = sql.raw(`'{0.02, 0.1, 0.4, 1.0}'::float4[]`);

/** The page of items (exported so tests can EXPLAIN the exact SQL). */
export function catalogItemsQuery(db: Executor, f: CatalogFilters) {
  const order = f.tsQuery
    ? [
        sql`ts_rank_cd(${RANK_WEIGHTS}, ${searchVectorFor(f.searchScope)}, ${f.tsQuery}::tsquery) desc`,
        ...sortOrder(f.sort),
      ]
    : sortOrder(f.sort);
  return db
    .select({
      slug: flows.slug,
      title: flows.title,
      summary: flows.summary,
      agents: flows.agents,
      sites: flows.sites,
      tags: flows.tags,
      isPremium: flows.isPremium,
      creatorHandle: users.handle,
      creatorName: users.name,
      copies: flows.copyCount,
      likes: flows.likeCount,
      updatedAt: flows.updatedAt,
    })
    .from(flows)
    .innerJoin(users, eq(users.id, flows.creatorId))
    .where(catalogWhere(f))
    .orderBy(...order)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
}

/** How many flows match (exported so tests can EXPLAIN the exact SQL). */
export function catalogCountQuery(db: Executor, f: CatalogFilters) {
  return db
    .select({ total: sql<number>`count(*)::int` })
    .from(flows)
    .where(catalogWhere(f));
}

type CatalogRow = Awaited<ReturnType<typeof catalogItemsQuery>>[number];

function toCatalogItem(row: CatalogRow): CatalogItem {
  const { creatorHandle, creatorName, ...rest } = row;
  return { ...rest, creator: { handle: creatorHandle, name: creatorName } };
}

async function runCatalog(db: Executor, f: CatalogFilters): Promise<CatalogPage> {
  const [rows, [count]] = await Promise.all([catalogItemsQuery(db, f), catalogCountQuery(db, f)]);
  return { items: rows.map(toCatalogItem), page: f.page, pageSize: f.pageSize, total: Number(count?.total ?? 0) };
}

/**
 * The public catalogue: published flows only, optional prefix full-text search (ranked by ts_rank_cd, ties by
 * the chosen sort), filters by agent, site, tag and free/premium, sorted by popular (30-day copies), new or liked.
 */
export async function getCatalogPage(db: Executor, params: CatalogQuery): Promise<CatalogPage> {
  return runCatalog(db, await prepareCatalogFilters(db, params));
}

/** Filter options for the catalogue UI: the most used agents, sites and tags among published flows. */
export type Facet = { value: string; count: number };
export type CatalogFacets = { agents: Facet[]; sites: Facet[]; tags: Facet[] };

export async function listFacets(
  db: Executor,
  params: { agents?: number; sites?: number; tags?: number } = {},
): Promise<CatalogFacets> {
  const limits = { agent: params.agents ?? 30, site: params.sites ?? 60, tag: params.tags ?? 60 };
  // One pass over the published flows for all three lists.
  const rows = await queryRows<{ kind: "agent" | "site" | "tag"; value: string; n: number }>(
    db,
    sql`
      select kind, value, n from (
        select kind, value, count(*)::int as n,
               row_number() over (partition by kind order by count(*) desc, value) as position
        from ${flows} f
        cross join lateral (
          select 'agent' as kind, unnest(f.agents) as value
          union all select 'site', unnest(f.sites)
          union all select 'tag', unnest(f.tags)
        ) v
        where f.status = 'published'
        group by kind, value
      ) ranked
      where (kind = 'agent' and position <= ${limits.agent})
         or (kind = 'site' and position <= ${limits.site})
         or (kind = 'tag' and position <= ${limits.tag})
      order by kind, n desc, value`,
  );
  const facets: CatalogFacets = { agents: [], sites: [], tags: [] };
  for (const row of rows) {
    const facet = { value: row.value, count: Number(row.n) };
    if (row.kind === "agent") facets.agents.push(facet);
    else if (row.kind === "site") facets.sites.push(facet);
    else facets.tags.push(facet);
  }
  return facets;
}

/** A published flow's public page: metadata, step titles (never bodies), creator and counters. */
export type FlowDetail = Omit<CatalogItem, "creator"> & {
  /** Internal: for likes and saves. Not part of any public JSON. */
  id: string;
  category: string;
  stepTitles: string[];
  creator: { handle: string | null; name: string | null; bio: string | null };
  saves: number;
  /** Sum of flow_copy_days in the current UTC calendar month. */
  copiesThisMonth: number;
  publishedAt: Date;
};

export async function getFlowBySlug(db: Executor, params: { slug: string }): Promise<FlowDetail | null> {
  const [row] = await db
    .select({
      id: flows.id,
      slug: flows.slug,
      title: flows.title,
      summary: flows.summary,
      category: flows.category,
      agents: flows.agents,
      sites: flows.sites,
      tags: flows.tags,
      isPremium: flows.isPremium,
      // Titles are extracted in SQL, so the step bodies never reach this process.
      stepTitles: sql<unknown>`coalesce(jsonb_path_query_array(${flows.steps}, '$[*].title'), '[]'::jsonb)`,
      creatorHandle: users.handle,
      creatorName: users.name,
      creatorBio: users.bio,
      copies: flows.copyCount,
      likes: flows.likeCount,
      saves: flows.saveCount,
      copiesThisMonth: sql<number>`(
        select coalesce(sum(d.copies), 0)::int from flow_copy_days d
        where d.flow_id = ${flows.id}
          and d.day >= date_trunc('month', now() at time zone 'UTC')::date)`,
      updatedAt: flows.updatedAt,
      publishedAt: flows.publishedAt,
    })
    .from(flows)
    .innerJoin(users, eq(users.id, flows.creatorId))
    .where(and(eq(flows.slug, params.slug), isPublished));
  if (!row) return null;
  const { creatorHandle, creatorName, creatorBio, stepTitles, copiesThisMonth, publishedAt, ...rest } = row;
  // A published flow always has a published_at (flows_published_at_check).
  if (!publishedAt) throw new Error(`published flow ${rest.id} has no published_at`);
  return {
    ...rest,
    stepTitles: parseJsonArray(stepTitles).filter((t): t is string => typeof t === "string"),
    creator: { handle: creatorHandle, name: creatorName, bio: creatorBio },
    copiesThisMonth: Number(copiesThisMonth),
    publishedAt,
  };
}

/** The published flow's id and access level, for writes that only need to know it exists (likes, saves). */
export async function getPublishedFlowRef(db: Executor, params: { slug: string }) {
  const [row] = await db
    .select({ id: flows.id, isPremium: flows.isPremium })
    .from(flows)
    .where(and(eq(flows.slug, params.slug), isPublished));
  return row ?? null;
}

export type FlowText = { promptText: string; steps: FlowStep[] };

/**
 * The text a reader copies: prompt text and full steps. Premium content: call only after an entitlement check
 * (lib/flows/flow-text.ts does).
 */
export async function getFlowPromptForEntitledUser(db: Executor, params: { slug: string }): Promise<FlowText | null> {
  const [row] = await db
    .select({ promptText: flows.promptText, steps: flows.steps })
    .from(flows)
    .where(and(eq(flows.slug, params.slug), isPublished));
  if (!row) return null;
  const steps = parseJsonArray(row.steps).map((s) => {
    const step = (s ?? {}) as Partial<FlowStep>;
    return { title: String(step.title ?? ""), body: String(step.body ?? "") };
  });
  return { promptText: row.promptText, steps };
}

export type CreatorProfile = {
  id: string;
  handle: string;
  name: string | null;
  bio: string | null;
  image: string | null;
  publishedFlows: number;
};

export async function getCreatorByHandle(db: Executor, params: { handle: string }): Promise<CreatorProfile | null> {
  const [row] = await db
    .select({
      id: users.id,
      handle: users.handle,
      name: users.name,
      bio: users.bio,
      image: users.image,
      // Spelled out: in a one-table select drizzle would print ${users.id} unqualified, i.e. f.id here.
      publishedFlows: sql<number>`(
        select count(*)::int from ${flows} f where f.creator_id = "users"."id" and f.status = 'published')`,
    })
    .from(users)
    .where(eq(users.handle, params.handle));
  if (!row || !row.handle) return null;
  return { ...row, handle: row.handle, publishedFlows: Number(row.publishedFlows) };
}

/** A creator's published flows, newest first. */
export async function listCreatorFlows(
  db: Executor,
  params: { handle: string; page: number; pageSize?: number },
): Promise<CatalogPage> {
  return runCatalog(db, {
    tsQuery: null,
    searchScope: "public",
    creatorHandle: params.handle,
    sort: "new",
    page: params.page,
    pageSize: params.pageSize ?? 12,
  });
}

/** Every published flow's slug, for the sitemap. */
export async function listPublishedSlugs(db: Executor): Promise<Array<{ slug: string; updatedAt: Date }>> {
  return db
    .select({ slug: flows.slug, updatedAt: flows.updatedAt })
    .from(flows)
    .where(isPublished)
    .orderBy(sql`${flows.publishedAt} desc nulls last`, asc(flows.id));
}

// jsonb arrives parsed from both drivers; a string is tolerated in case a driver hands back the raw text.
function parseJsonArray(value: unknown): unknown[] {
  const parsed = typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(parsed) ? parsed : [];
}
