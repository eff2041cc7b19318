import "server-only";
import { lockNextQueuedEmail, markEmailFailed, markEmailSent } from "@/db/queries/email-outbox";
import type { Db } from "@/db/types";
import { env } from "@/lib/env";
import { getMailTransport, type MailSender } from "./transport";

export type DeliveryResult =
  /** No SMTP_URL: the outbox table is the delivery; rows stay `queued` for an admin to read at /admin/outbox. */
  { mode: "outbox"; sent: 0; failed: 0 } | { mode: "smtp"; sent: number; failed: number };

/**
 * Sends queued outbox rows over SMTP, oldest first, and marks each `sent` (with sent_at) or `failed` (with the
 * error; failed rows are not retried automatically, they show in /admin/outbox). Each row is taken with
 * `for update skip locked` in its own transaction, so two deliverers never send the same row; a process killed
 * after the SMTP server accepted a message but before the commit sends it again (at-least-once).
 */
export async function deliverQueuedEmails(
  db: Db,
  options: { transport?: MailSender | null; limit?: number; now?: () => Date } = {},
): Promise<DeliveryResult> {
  const transport = options.transport === undefined ? getMailTransport() : options.transport;
  if (!transport) return { mode: "outbox", sent: 0, failed: 0 };
  const limit = options.limit ?? 100;
  const now = options.now ?? (() => new Date());
  const from = env().EMAIL_FROM;
  let sent = 0;
  let failed = 0;

  for (let i = 0; i < limit; i++) {
    const outcome = await db.transaction(async (tx) => {
      const row = await lockNextQueuedEmail(tx);
      if (!row) return "empty" as const;
      try {
        await transport.sendMail({
          from,
          to: row.toAddress,
          subject: row.subject,
          text: row.textBody,
          html: row.htmlBody,
          headers: { "X-Flowtab-Email-Id": row.id },
        });
        await markEmailSent(tx, { id: row.id, at: now() });
        return "sent" as const;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await markEmailFailed(tx, { id: row.id, error: message });
        console.error(
          JSON.stringify({
            level: "error",
            msg: "email delivery failed",
            emailId: row.id,
            kind: row.kind,
            error: message,
          }),
        );
        return "failed" as const;
      }
    });
    if (outcome === "empty") break;
    if (outcome === "sent") sent += 1;
    else failed += 1;
  }
  return { mode: "smtp", sent, failed };
}

/** For `after()` in a request: sends what is queued when SMTP is configured, and logs (never throws) a failure. */
export async function deliverQueuedEmailsQuietly(db: Db): Promise<void> {
  try {
    await deliverQueuedEmails(db, { limit: 20 });
  } catch (error) {
    console.error(JSON.stringify({ level: "error", msg: "email delivery after request failed", error: String(error) }));
  }
}
