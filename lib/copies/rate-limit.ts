import "server-only";
import { incrementBucket, readBucket, windowStartFor } from "@/db/queries/rate-limits";
import type { Executor } from "@/db/types";
import { COPY_RATE_LIMIT_PER_MINUTE } from "@/lib/plans";

// One per-user budget of COPY_RATE_LIMIT_PER_MINUTE for copies and protected-reader views together (anti-scraping):
// a view is not a copy and earns nothing, but it shows the premium text, so it counts against the same limit.
export const COPY_RATE_WINDOW_MS = 60_000;

export function copyRateKey(userId: string): string {
  return `copy:user:${userId}`;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

function decide(count: number, windowEnd: Date, now: Date): RateDecision {
  if (count <= COPY_RATE_LIMIT_PER_MINUTE) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd.getTime() - now.getTime()) / 1000)) };
}

/** Counts one reader view (an atomic upsert), then decides on the returned count. */
export async function countReaderView(db: Executor, params: { userId: string; now?: Date }): Promise<RateDecision> {
  const now = params.now ?? new Date();
  const hit = await incrementBucket(db, { key: copyRateKey(params.userId), windowMs: COPY_RATE_WINDOW_MS, now });
  return decide(hit.count, hit.windowEnd, now);
}

/** Would one more view or copy be refused? Read only (middleware's early 429; the page counts for real). */
export async function peekCopyRate(db: Executor, params: { userId: string; now?: Date }): Promise<RateDecision> {
  const now = params.now ?? new Date();
  const current = await readBucket(db, { key: copyRateKey(params.userId), windowMs: COPY_RATE_WINDOW_MS, now });
  return decide(current.count + 1, current.windowEnd, now);
}

/** Start of the rate window that contains `now` (the copy engine counts in its own statement). */
export function copyRateWindowStart(now: Date): Date {
  return windowStartFor(now, COPY_RATE_WINDOW_MS);
}
