import { eq } from "drizzle-orm";
import { processedStripeEvents } from "../schema";
import type { Executor } from "../types";

export async function isStripeEventProcessed(db: Executor, params: { eventId: string }) {
  const [row] = await db
    .select({ id: processedStripeEvents.id })
    .from(processedStripeEvents)
    .where(eq(processedStripeEvents.id, params.eventId));
  return Boolean(row);
}

/** Records the event id; false when it was already recorded (a duplicate delivery). Call in the effect's transaction. */
export async function recordStripeEvent(db: Executor, params: { eventId: string; type: string; createdAt: Date }) {
  const rows = await db
    .insert(processedStripeEvents)
    .values({ id: params.eventId, type: params.type, stripeCreatedAt: params.createdAt })
    .onConflictDoNothing()
    .returning({ id: processedStripeEvents.id });
  return rows.length > 0;
}
