import "server-only";
import { insertOutboxEmail } from "@/db/queries/email-outbox";
import type { Executor } from "@/db/types";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { QUEUES } from "@/lib/jobs/queues";

export type EmailMessage = {
  to: string;
  kind: string;
  subject: string;
  text: string;
  html: string;
  /** The same key twice queues one email: a retried webhook or job never mails twice. */
  dedupeKey: string;
};

/**
 * Queues an email in the outbox table and its delivery job, both in the caller's transaction (a savepoint when
 * given one): a worker sends it as soon as that transaction commits (lib/email/deliver.ts), and nothing is sent
 * for a change that rolled back. Without SMTP_URL the outbox table is the delivery (/admin/outbox).
 * Returns the email's id, or null when its dedupe key was queued before.
 */
export async function queueEmail(db: Executor, message: EmailMessage): Promise<string | null> {
  return db.transaction(async (tx) => {
    const id = await insertOutboxEmail(tx, {
      toAddress: message.to,
      kind: message.kind,
      subject: message.subject,
      textBody: message.text,
      htmlBody: message.html,
      dedupeKey: message.dedupeKey,
    });
    if (id) await enqueueJob(tx, QUEUES.emailDelivery, { emailId: id });
    return id;
  });
}
