import { count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { stripeEventLog, type StripeEventLogStatus } from "../schema";
import type { Executor } from "../types";

// The log of Stripe events as people read it on /admin. Exactly-once is processed_stripe_events' job; these writes
// only describe what happened, and none of them can turn a processed event back into anything else.

const MAX_ERROR_LENGTH = 2000;

type EventRef = { eventId: string; type: string; stripeCreatedAt: Date; now: Date };

/**
 * A delivery (or an admin's re-processing) reached the dispatcher: first sight inserts the row, a repeat counts
 * one more attempt and, unless the event already has its final outcome, marks it in flight again.
 */
export async function logStripeEventReceived(db: Executor, params: EventRef): Promise<void> {
  await db
    .insert(stripeEventLog)
    .values({
      id: params.eventId,
      type: params.type,
      stripeCreatedAt: params.stripeCreatedAt,
      status: "received",
      attempts: 1,
      receivedAt: params.now,
      lastAttemptAt: params.now,
    })
    .onConflictDoUpdate({
      target: stripeEventLog.id,
      set: {
        attempts: sql`${stripeEventLog.attempts} + 1`,
        lastAttemptAt: params.now,
        status: sql`case when ${stripeEventLog.status} in ('processed', 'ignored') then ${stripeEventLog.status} else 'received' end`,
      },
    });
}

/** In the transaction that records the event id and applies its effect. An upsert, so no path can miss it. */
export async function markStripeEventProcessed(db: Executor, params: EventRef): Promise<void> {
  await db
    .insert(stripeEventLog)
    .values({
      id: params.eventId,
      type: params.type,
      stripeCreatedAt: params.stripeCreatedAt,
      status: "processed",
      receivedAt: params.now,
      lastAttemptAt: params.now,
      processedAt: params.now,
    })
    .onConflictDoUpdate({
      target: stripeEventLog.id,
      set: { status: "processed", processedAt: params.now, lastError: null },
    });
}

/** An event type Flowtab does not act on. */
export async function markStripeEventIgnored(db: Executor, params: EventRef): Promise<void> {
  await db
    .insert(stripeEventLog)
    .values({
      id: params.eventId,
      type: params.type,
      stripeCreatedAt: params.stripeCreatedAt,
      status: "ignored",
      receivedAt: params.now,
      lastAttemptAt: params.now,
    })
    .onConflictDoUpdate({ target: stripeEventLog.id, set: { status: "ignored" } });
}

/**
 * The attempt failed (its transaction rolled back). Never overwrites `processed`: a concurrent delivery of the same
 * event may have applied it meanwhile.
 */
export async function markStripeEventFailed(db: Executor, params: EventRef & { error: string }): Promise<void> {
  const error = params.error.slice(0, MAX_ERROR_LENGTH);
  await db
    .insert(stripeEventLog)
    .values({
      id: params.eventId,
      type: params.type,
      stripeCreatedAt: params.stripeCreatedAt,
      status: "failed",
      lastError: error,
      receivedAt: params.now,
      lastAttemptAt: params.now,
    })
    .onConflictDoUpdate({
      target: stripeEventLog.id,
      set: { status: "failed", lastError: error },
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

/** Events whose latest attempt failed or never finished: what an admin may need to act on. */
export async function countUnsettledStripeEvents(db: Executor): Promise<{ failed: number; received: number }> {
  const rows = await db
    .select({ status: stripeEventLog.status, count: count() })
    .from(stripeEventLog)
    .where(inArray(stripeEventLog.status, ["failed", "received"]))
    .groupBy(stripeEventLog.status);
  const of = (status: StripeEventLogStatus) => Number(rows.find((r) => r.status === status)?.count ?? 0);
  return { failed: of("failed"), received: of("received") };
}
