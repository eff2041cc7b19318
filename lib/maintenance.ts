import "server-only";
import { deleteExpiredBuckets } from "@/db/queries/rate-limits";
import type { Executor } from "@/db/types";

/**
 * Rate-limit windows (login throttling: 15 min, copies: 1 min, reports: 1 h) are useless after a day; drop them (the
 * rate-limit-prune job, hourly). Returns how many were dropped.
 */
export async function pruneRateLimitWindows(db: Executor, now = new Date()): Promise<number> {
  return deleteExpiredBuckets(db, new Date(now.getTime() - 24 * 60 * 60 * 1000));
}
