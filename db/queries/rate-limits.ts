import { and, eq, gte, lt, sql } from "drizzle-orm";
import { rateLimitBuckets } from "../schema";
import { oneRow } from "../rows";
import type { Executor } from "../types";

/** Start of the fixed window of `windowMs` that contains `now`. */
export function windowStartFor(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/** Adds one hit to `key` in the current window and returns the new count (one atomic upsert). */
export async function incrementBucket(
  db: Executor,
  params: { key: string; windowMs: number; now?: Date },
): Promise<{ count: number; windowEnd: Date }> {
  const windowStart = windowStartFor(params.now ?? new Date(), params.windowMs);
  const rows = await db
    .insert(rateLimitBuckets)
    .values({ key: params.key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitBuckets.key, rateLimitBuckets.windowStart],
      set: { count: sql`${rateLimitBuckets.count} + 1` },
    })
    .returning({ count: rateLimitBuckets.count });
  return {
    count: oneRow(rows, "rate limit bucket").count,
    windowEnd: new Date(windowStart.getTime() + params.windowMs),
  };
}

/** The hit count of `key` in the current window. */
export async function readBucket(
  db: Executor,
  params: { key: string; windowMs: number; now?: Date },
): Promise<{ count: number; windowEnd: Date }> {
  const windowStart = windowStartFor(params.now ?? new Date(), params.windowMs);
  const [row] = await db
    .select({ count: rateLimitBuckets.count })
    .from(rateLimitBuckets)
    .where(and(eq(rateLimitBuckets.key, params.key), eq(rateLimitBuckets.windowStart, windowStart)));
  return { count: row?.count ?? 0, windowEnd: new Date(windowStart.getTime() + params.windowMs) };
}

/** Takes one hit back from `key` in the current window (never below zero). */
export async function decrementBucket(db: Executor, params: { key: string; windowMs: number; now?: Date }) {
  const windowStart = windowStartFor(params.now ?? new Date(), params.windowMs);
  await db
    .update(rateLimitBuckets)
    .set({ count: sql`greatest(${rateLimitBuckets.count} - 1, 0)` })
    .where(and(eq(rateLimitBuckets.key, params.key), eq(rateLimitBuckets.windowStart, windowStart)));
}

export async function clearBucket(db: Executor, params: { key: string; windowMs: number; now?: Date }) {
  const windowStart = windowStartFor(params.now ?? new Date(), params.windowMs);
  await db
    .delete(rateLimitBuckets)
    .where(and(eq(rateLimitBuckets.key, params.key), gte(rateLimitBuckets.windowStart, windowStart)));
}

/** Housekeeping: drop windows that ended before `before`. */
/** Drops windows that started before `before`; returns how many. */
export async function deleteExpiredBuckets(db: Executor, before: Date): Promise<number> {
  const deleted = await db
    .delete(rateLimitBuckets)
    .where(lt(rateLimitBuckets.windowStart, before))
    .returning({ key: rateLimitBuckets.key });
  return deleted.length;
}
