import { and, eq } from "drizzle-orm";
import { emailOutbox } from "../schema";
import type { Executor } from "../types";

/** Queues an email and returns its id; the dedupe key makes a second queueing of the same message a no-op (null). */
export async function insertOutboxEmail(
  db: Executor,
  params: { toAddress: string; kind: string; subject: string; textBody: string; htmlBody: string; dedupeKey: string },
): Promise<string | null> {
  const [row] = await db
    .insert(emailOutbox)
    .values(params)
    .onConflictDoNothing({ target: emailOutbox.dedupeKey })
    .returning({ id: emailOutbox.id });
  return row?.id ?? null;
}

/** The email if it is still waiting to be sent (not sent, not given up on). */
export async function getQueuedEmail(db: Executor, params: { id: string }) {
  const [row] = await db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.id, params.id), eq(emailOutbox.status, "queued")));
  return row ?? null;
}

export async function markEmailSent(db: Executor, params: { id: string; at: Date }) {
  await db
    .update(emailOutbox)
    .set({ status: "sent", sentAt: params.at, error: null })
    .where(and(eq(emailOutbox.id, params.id), eq(emailOutbox.status, "queued")));
}

/** A failed attempt that will be retried: the row stays queued and shows the last error. */
export async function recordEmailAttemptError(db: Executor, params: { id: string; error: string }) {
  await db
    .update(emailOutbox)
    .set({ error: params.error.slice(0, 1000) })
    .where(and(eq(emailOutbox.id, params.id), eq(emailOutbox.status, "queued")));
}

/** The last attempt failed: the row is `failed` with the error, for an admin to see at /admin/outbox. */
export async function markEmailFailed(db: Executor, params: { id: string; error: string }) {
  await db
    .update(emailOutbox)
    .set({ status: "failed", error: params.error.slice(0, 1000) })
    .where(and(eq(emailOutbox.id, params.id), eq(emailOutbox.status, "queued")));
}
