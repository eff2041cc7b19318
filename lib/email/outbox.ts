import "server-only";
import { insertOutboxEmail } from "@/db/queries/email-outbox";
import type { Executor } from "@/db/types";

export type EmailMessage = {
  to: string;
  kind: string;
  subject: string;
  text: string;
  html: string;
  /** The same key twice queues one email: a retried webhook or job never mails twice. */
  dedupeKey: string;
};

/** Queues an email in the outbox table, in the caller's transaction (sent after commit when SMTP_URL is set). */
export async function queueEmail(db: Executor, message: EmailMessage) {
  await insertOutboxEmail(db, {
    toAddress: message.to,
    kind: message.kind,
    subject: message.subject,
    textBody: message.text,
    htmlBody: message.html,
    dedupeKey: message.dedupeKey,
  });
}
