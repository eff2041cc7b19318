import { and, desc, eq, gte, inArray, lt, ne, sql, type SQL } from "drizzle-orm";
import { flows, type FlowStatus, type FlowStep } from "../schema";
import type { Executor } from "../types";

// Writes and reads of the creator's own flows (lib/publishing). Every read is scoped by the creator in the
// query itself; an admin's reads are the only ones without that scope.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id is "no such flow", not a database error. */
export function isFlowId(value: string): boolean {
  return UUID.test(value);
}

/** The fields a creator edits. */
export type FlowContent = {
  title: string;
  summary: string;
  promptText: string;
  steps: FlowStep[];
  agents: string[];
  sites: string[];
  tags: string[];
  category: string;
  isPremium: boolean;
};

export type FlowRef = { id: string; slug: string; status: FlowStatus; publishedAt: Date | null; creatorId: string };

const refColumns = {
  id: flows.id,
  slug: flows.slug,
  status: flows.status,
  publishedAt: flows.publishedAt,
  creatorId: flows.creatorId,
} as const;

const editableColumns = {
  ...refColumns,
  title: flows.title,
  summary: flows.summary,
  promptText: flows.promptText,
  steps: flows.steps,
  agents: flows.agents,
  sites: flows.sites,
  tags: flows.tags,
  category: flows.category,
  isPremium: flows.isPremium,
  tenantId: flows.tenantId,
  unpublishedByAdminAt: flows.unpublishedByAdminAt,
  createdAt: flows.createdAt,
  updatedAt: flows.updatedAt,
} as const;

export type EditableFlow = FlowRef &
  FlowContent & { tenantId: string; unpublishedByAdminAt: Date | null; createdAt: Date; updatedAt: Date };

/**
 * A flow its creator (or an admin) may edit, with its full text; null for a malformed id, an unknown id, or
 * somebody else's flow, so the caller cannot tell those apart. `forUpdate` locks the row until the transaction ends.
 */
export async function getEditableFlow(
  db: Executor,
  params: { flowId: string; userId: string; isAdmin: boolean; forUpdate?: boolean },
): Promise<EditableFlow | null> {
  if (!isFlowId(params.flowId)) return null;
  const where = params.isAdmin
    ? eq(flows.id, params.flowId)
    : and(eq(flows.id, params.flowId), eq(flows.creatorId, params.userId));
  const query = db.select(editableColumns).from(flows).where(where);
  const [row] = params.forUpdate ? await query.for("update") : await query;
  if (!row) return null;
  return { ...row, steps: normaliseSteps(row.steps) };
}

/** [start, end) of the UTC calendar month that contains `now`. */
export function utcMonthBounds(now: Date): { start: Date; end: Date } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { start, end };
}

/**
 * Flows the user first published in the UTC month of `now`. `published_at` is the first publish and is never
 * moved (lib/publishing/quota.ts), so unpublishing and republishing does not add to this count.
 */
export async function countPublishesThisMonth(db: Executor, params: { userId: string; now: Date }): Promise<number> {
  const { start, end } = utcMonthBounds(params.now);
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(flows)
    .where(and(eq(flows.creatorId, params.userId), gte(flows.publishedAt, start), lt(flows.publishedAt, end)));
  return Number(row?.n ?? 0);
}

/**
 * Serialises publishing for one user until the transaction ends, so two parallel publishes cannot both pass
 * the quota check. Two int4 keys: a namespace for publishing, then the user.
 */
export async function lockUserPublishing(db: Executor, params: { userId: string }): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('flowtab:publish'), hashtext(${params.userId}))`);
}

/** Which of these slugs are in use (by a flow other than `excludeFlowId`). */
export async function listTakenSlugs(
  db: Executor,
  params: { slugs: string[]; excludeFlowId?: string },
): Promise<string[]> {
  if (params.slugs.length === 0) return [];
  const conditions: SQL[] = [inArray(flows.slug, params.slugs)];
  if (params.excludeFlowId) conditions.push(ne(flows.id, params.excludeFlowId));
  const rows = await db
    .select({ slug: flows.slug })
    .from(flows)
    .where(and(...conditions));
  return rows.map((r) => r.slug);
}

/** Inserts a flow; null when the slug is already taken (the unique index decides, nothing is raised). */
export async function insertFlow(
  db: Executor,
  params: FlowContent & {
    slug: string;
    creatorId: string;
    tenantId: string;
    status: FlowStatus;
    publishedAt: Date | null;
  },
): Promise<FlowRef | null> {
  const [row] = await db.insert(flows).values(params).onConflictDoNothing({ target: flows.slug }).returning(refColumns);
  return row ?? null;
}

/**
 * Updates a flow's content and, when given, its slug, status and publish time. Null when the new slug is taken:
 * the update runs in a savepoint, so the unique violation leaves the surrounding transaction usable.
 */
export async function updateFlowFields(
  db: Executor,
  params: {
    flowId: string;
    content?: FlowContent;
    slug?: string;
    status?: FlowStatus;
    publishedAt?: Date | null;
    /** Only ever cleared here (an admin republishes); lib/moderation sets it. */
    unpublishedByAdminAt?: null;
  },
): Promise<FlowRef | null> {
  const set = {
    ...params.content,
    ...(params.slug !== undefined ? { slug: params.slug } : {}),
    ...(params.status !== undefined ? { status: params.status } : {}),
    ...(params.publishedAt !== undefined ? { publishedAt: params.publishedAt } : {}),
    ...(params.unpublishedByAdminAt !== undefined ? { unpublishedByAdminAt: params.unpublishedByAdminAt } : {}),
    updatedAt: new Date(),
  };
  const run = (ex: Executor) => ex.update(flows).set(set).where(eq(flows.id, params.flowId)).returning(refColumns);
  if (params.slug === undefined) {
    const [row] = await run(db);
    return row ?? null;
  }
  try {
    const [row] = await db.transaction(async (savepoint) => run(savepoint));
    return row ?? null;
  } catch (error) {
    if (isSlugConflict(error)) return null;
    throw error;
  }
}

/** postgres.js and PGlite both report SQLSTATE 23505; drizzle wraps the driver error in `cause`. */
function isSlugConflict(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const err = e as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
    if (err.code === "23505") {
      const constraint = err.constraint_name ?? err.constraint;
      return constraint === undefined || constraint === "flows_slug_key";
    }
  }
  return false;
}

export type CreatorFlowRow = {
  id: string;
  slug: string;
  title: string;
  status: FlowStatus;
  isPremium: boolean;
  category: string;
  stepCount: number;
  copies: number;
  likes: number;
  saves: number;
  publishedAt: Date | null;
  /** Unpublished by a platform admin after a report: the creator cannot republish it. */
  unpublishedByAdmin: boolean;
  updatedAt: Date;
};

export type CreatorFlowCounts = Record<FlowStatus, number> & { all: number };

/** The creator's own flows for /creator/flows, most recently edited first, with counts per status. */
export async function listCreatorFlowsForDashboard(
  db: Executor,
  params: { userId: string },
): Promise<{ flows: CreatorFlowRow[]; counts: CreatorFlowCounts }> {
  const rows = await db
    .select({
      id: flows.id,
      slug: flows.slug,
      title: flows.title,
      status: flows.status,
      isPremium: flows.isPremium,
      category: flows.category,
      stepCount: sql<number>`jsonb_array_length(${flows.steps})::int`,
      copies: flows.copyCount,
      likes: flows.likeCount,
      saves: flows.saveCount,
      publishedAt: flows.publishedAt,
      unpublishedByAdmin: sql<boolean>`${flows.unpublishedByAdminAt} is not null`,
      updatedAt: flows.updatedAt,
    })
    .from(flows)
    .where(eq(flows.creatorId, params.userId))
    .orderBy(desc(flows.updatedAt), desc(flows.id));
  const counts: CreatorFlowCounts = { all: rows.length, draft: 0, published: 0, unpublished: 0 };
  for (const row of rows) counts[row.status] += 1;
  return { flows: rows.map((r) => ({ ...r, stepCount: Number(r.stepCount) })), counts };
}

// jsonb arrives parsed from both drivers; a string is tolerated in case a driver hands back the raw text.
function normaliseSteps(value: unknown): FlowStep[] {
  const parsed = typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  if (!Array.isArray(parsed)) return [];
  return parsed.map((s) => {
    const step = (s ?? {}) as Partial<FlowStep>;
    return { title: String(step.title ?? ""), body: String(step.body ?? "") };
  });
}
