import { count, desc, eq, ne, sql } from "drizzle-orm";
import { stripeEventLog, type StripeEventLogStatus } from "../schema";
import type { Executor } from "../types";

// The log of Stripe events as people read it on /admin: one row per event with the outcome of its latest attempt.
// Exactly-once is processed_stripe_events' job; these writes only describe what happened, and none of them can
// turn a processed event back into anything else.

const MAX_ERROR_LENGTH = 2000;

type EventRef = { eventId: string; type: string; stripeCreatedAt: Date; now: Date };

const firstSight = (params: EventRef) => ({
  id: params.eventId,
  type: params.type,
  stripeCreatedAt: params.stripeCreatedAt,
  attempts: 1,
  receivedAt: params.now,
  lastAttemptAt: params.now,
});

/**
 * In the transaction that records the event id and applies its effect: the attempt that applied it. An upsert, so
 * no path can miss it.
 */
export async function markStripeEventProcessed(db: Executor, params: EventRef): Promise<void> {
  await db
    .insert(stripeEventLog)
    .values({ ...firstSight(params), status: "processed", processedAt: params.now })
    .onConflictDoUpdate({
      target: stripeEventLog.id,
      set: {
        status: "processed",
        processedAt: params.now,
        lastError: null,
        attempts: sql`${stripeEventLog.attempts} + 1`,
        lastAttemptAt: params.now,
      },
    });
}

/** An event type Flowtab does not act on. */
export async function markStripeEventIgnored(db: Executor, params: EventRef): Promise<void> {
  await db
    .insert(stripeEventLog)
    .values({ ...firstSight(params), status: "ignored" })
    .onConflictDoUpdate({
      target: stripeEventLog.id,
      set: { attempts: sql`${stripeEventLog.attempts} + 1`, lastAttemptAt: params.now },
    });
}

/**
 * An attempt failed (its transaction rolled back). Never overwrites `processed`: a concurrent delivery of the same
 * event may have applied it meanwhile.
 */
export async function markStripeEventFailed(db: Executor, params: EventRef & { error: string }): Promise<void> {
  const error = params.error.slice(0, MAX_ERROR_LENGTH);
  await db
    .insert(stripeEventLog)
    .values({ ...firstSight(params), status: "failed", lastError: error })
    .onConflictDoUpdate({
      target: stripeEventLog.id,
      set: {
        status: "failed",
        lastError: error,
        attempts: sql`${stripeEventLog.attempts} + 1`,
        lastAttemptAt: params.now,
      },
      setWhere: ne(stripeEventLog.status, "processed"),
    });
}

export async function getStripeEventLogEntry(db: Executor, params: { eventId: string }) {
  const [row] = await db.select().from(stripeEventLog).where(eq(stripeEventLog.id, params.eventId));
  return row ?? null;
}

/** One page of the log, newest first, optionally of one status. */
export async function listStripeEventLogPage(
  db: Executor,
  params: { status?: StripeEventLogStatus; page: number; pageSize: number },
) {
  const where = params.status ? eq(stripeEventLog.status, params.status) : undefined;
  const [items, total] = await Promise.all([
    db
      .select()
      .from(stripeEventLog)
      .where(where)
      .orderBy(desc(stripeEventLog.receivedAt), desc(stripeEventLog.id))
      .limit(params.pageSize)
      .offset((params.page - 1) * params.pageSize),
    db.select({ count: count() }).from(stripeEventLog).where(where),
  ]);
  return { items, total: Number(total[0]?.count ?? 0) };
}

/** Events whose latest attempt failed: what an admin may need to act on. */
export async function countFailedStripeEvents(db: Executor): Promise<number> {
  const [row] = await db.select({ count: count() }).from(stripeEventLog).where(eq(stripeEventLog.status, "failed"));
  return Number(row?.count ?? 0);
}
