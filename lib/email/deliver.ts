import "server-only";
import { getQueuedEmail, markEmailFailed, markEmailSent, recordEmailAttemptError } from "@/db/queries/email-outbox";
import type { Db } from "@/db/types";
import { env } from "@/lib/env";
import { getMailTransport, type MailSender } from "./transport";

/**
 * - `sent`: the SMTP server accepted it; the row is `sent`.
 * - `outbox`: no SMTP_URL, so the outbox table is the delivery; the row stays `queued` for /admin/outbox.
 * - `not_queued`: the row is already sent or failed (or gone): nothing to do.
 */
export type EmailDeliveryOutcome = "sent" | "outbox" | "not_queued";

/**
 * Sends one outbox row over SMTP: the email-delivery job (lib/jobs) runs this once per queued email, right after
 * the transaction that queued it commits, and again with exponential backoff while the SMTP server refuses. A
 * refused attempt records its error on the row and throws, so the queue retries it; on the last attempt
 * (`finalAttempt`) the row becomes `failed` with the error instead, for an admin to see.
 *
 * No transaction is held across the SMTP conversation (on PGlite it would stall every other query). The queue runs
 * one job per email at a time; a process killed after the server accepted the message but before `sent` was
 * written sends it again when the job is retried (at-least-once).
 */
export async function deliverOutboxEmail(
  db: Db,
  params: { emailId: string; finalAttempt: boolean; transport?: MailSender | null; now?: () => Date },
): Promise<EmailDeliveryOutcome> {
  const transport = params.transport === undefined ? getMailTransport() : params.transport;
  if (!transport) return "outbox";
  const row = await getQueuedEmail(db, { id: params.emailId });
  if (!row) return "not_queued";
  try {
    await transport.sendMail({
      from: env().EMAIL_FROM,
      to: row.toAddress,
      subject: row.subject,
      text: row.textBody,
      html: row.htmlBody,
      headers: { "X-Flowtab-Email-Id": row.id },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (params.finalAttempt) await markEmailFailed(db, { id: row.id, error: message });
    else await recordEmailAttemptError(db, { id: row.id, error: message });
    console.error(
      JSON.stringify({
        level: params.finalAttempt ? "error" : "warn",
        msg: params.finalAttempt ? "email delivery failed, giving up" : "email delivery failed, will retry",
        emailId: row.id,
        kind: row.kind,
        error: message,
      }),
    );
    throw error;
  }
  await markEmailSent(db, { id: row.id, at: (params.now ?? (() => new Date()))() });
  return "sent";
}
