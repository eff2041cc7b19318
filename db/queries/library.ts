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
