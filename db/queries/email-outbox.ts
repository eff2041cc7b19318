import { and, asc, eq } from "drizzle-orm";
import { emailOutbox } from "../schema";
import type { Executor } from "../types";

/** Queues an email; the dedupe key makes a second queueing of the same message a no-op. */
export async function insertOutboxEmail(
  db: Executor,
  params: { toAddress: string; kind: string; subject: string; textBody: string; htmlBody: string; dedupeKey: string },
) {
  await db.insert(emailOutbox).values(params).onConflictDoNothing({ target: emailOutbox.dedupeKey });
}

/** The oldest queued email, locked for this transaction; skipped by other deliverers while held. */
export async function lockNextQueuedEmail(db: Executor) {
  const [row] = await db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.status, "queued"))
    .orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id))
    .limit(1)
    .for("update", { skipLocked: true });
  return row ?? null;
}

export async function markEmailSent(db: Executor, params: { id: string; at: Date }) {
  await db
    .update(emailOutbox)
    .set({ status: "sent", sentAt: params.at, error: null })
    .where(and(eq(emailOutbox.id, params.id), eq(emailOutbox.status, "queued")));
}

export async function markEmailFailed(db: Executor, params: { id: string; error: string }) {
  await db
    .update(emailOutbox)
    .set({ status: "failed", error: params.error.slice(0, 1000) })
    .where(eq(emailOutbox.id, params.id));
}
