import { and, desc, eq, sql } from "drizzle-orm";
import { copyEvents, flows, saves, users } from "../schema";
import type { Executor } from "../types";

const PAGE_SIZE = 20;

/** The flows a user saved, newest first (public card fields only). */
export async function listSavedFlows(db: Executor, params: { userId: string; page?: number }) {
  const page = Math.max(1, params.page ?? 1);
  const rows = await db
    .select({
      slug: flows.slug,
      title: flows.title,
      summary: flows.summary,
      isPremium: flows.isPremium,
      creatorName: users.name,
      savedAt: saves.createdAt,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(saves)
    .innerJoin(flows, eq(flows.id, saves.flowId))
    .innerJoin(users, eq(users.id, flows.creatorId))
    .where(and(eq(saves.userId, params.userId), eq(flows.status, "published")))
    .orderBy(desc(saves.createdAt), desc(flows.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  return {
    items: rows.map(({ total: _total, ...item }) => item),
    total: rows[0]?.total ?? 0,
    page,
    pageSize: PAGE_SIZE,
  };
}

/** A user's copies, newest first: which flow, when, and whether it paid its creator. */
export async function listCopyHistory(db: Executor, params: { userId: string; page?: number }) {
  const page = Math.max(1, params.page ?? 1);
  const rows = await db
    .select({
      slug: flows.slug,
      title: flows.title,
      isPremium: flows.isPremium,
      copiedAt: copyEvents.createdAt,
      countedForPayout: copyEvents.countedForPayout,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(copyEvents)
    .innerJoin(flows, eq(flows.id, copyEvents.flowId))
    .where(eq(copyEvents.userId, params.userId))
    .orderBy(desc(copyEvents.createdAt), desc(copyEvents.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  return {
    items: rows.map(({ total: _total, ...item }) => item),
    total: rows[0]?.total ?? 0,
    page,
    pageSize: PAGE_SIZE,
  };
}

/** The copies a user made in one copy period (period_start is the period's key), newest first, with their source. */
export async function listCopiesInPeriod(
  db: Executor,
  params: { userId: string; periodStart: Date; page?: number; pageSize?: number },
) {
  const page = Math.max(1, params.page ?? 1);
  const pageSize = params.pageSize ?? PAGE_SIZE;
  const rows = await db
    .select({
      slug: flows.slug,
      title: flows.title,
      isPremium: flows.isPremium,
      copiedAt: copyEvents.createdAt,
      countedForPayout: copyEvents.countedForPayout,
      source: copyEvents.source,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(copyEvents)
    .innerJoin(flows, eq(flows.id, copyEvents.flowId))
    .where(and(eq(copyEvents.userId, params.userId), eq(copyEvents.periodStart, params.periodStart)))
    .orderBy(desc(copyEvents.createdAt), desc(copyEvents.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return {
    items: rows.map(({ total: _total, ...item }) => item),
    total: rows[0]?.total ?? 0,
    page,
    pageSize,
  };
}

/**
 * The user's saved flows for the MCP prompt list, newest save first. `promptText` is loaded only where the
 * caller may read it (free flows, or every flow with `premiumAccess`) and is null otherwise: the server derives
 * the prompt's arguments from it and never sends it in a list.
 */
export async function listSavedFlowsForPrompts(
  db: Executor,
  params: { userId: string; premiumAccess: boolean; page: number; pageSize: number },
) {
  const rows = await db
    .select({
      slug: flows.slug,
      title: flows.title,
      summary: flows.summary,
      isPremium: flows.isPremium,
      promptText: params.premiumAccess
        ? sql<string | null>`${flows.promptText}`
        : sql<string | null>`case when ${flows.isPremium} then null else ${flows.promptText} end`,
    })
    .from(saves)
    .innerJoin(flows, eq(flows.id, saves.flowId))
    .where(and(eq(saves.userId, params.userId), eq(flows.status, "published")))
    .orderBy(desc(saves.createdAt), desc(flows.id))
    .limit(params.pageSize + 1)
    .offset((params.page - 1) * params.pageSize);
  return { items: rows.slice(0, params.pageSize), hasMore: rows.length > params.pageSize };
}

/** Whether the user saved this published flow (a prompt exists only for a saved flow). */
export async function isPublishedFlowSaved(db: Executor, params: { userId: string; slug: string }) {
  const [row] = await db
    .select({ slug: flows.slug })
    .from(saves)
    .innerJoin(flows, eq(flows.id, saves.flowId))
    .where(and(eq(saves.userId, params.userId), eq(flows.slug, params.slug), eq(flows.status, "published")));
  return row !== undefined;
}
