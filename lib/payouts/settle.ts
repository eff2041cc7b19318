import "server-only";
import { confirmPayoutTransfer } from "@/db/queries/payout-transfers";
import { getPayoutById, getPayoutRecipient, recordPayoutFailure } from "@/db/queries/payouts";
import type { Payout } from "@/db/schema";
import type { Executor } from "@/db/types";
import { queueEmail } from "@/lib/email/outbox";
import { payoutFailedEmail, payoutPaidEmail } from "@/lib/email/templates";

/** Automatic transfer attempts per payout; after the last one fails the payout needs an admin. */
export const MAX_PAYOUT_ATTEMPTS = 5;
/** Wait before attempt n+1 after the n-th failure: 1 h, 4 h, 16 h, 64 h (about 3.5 days in all). */
const FIRST_RETRY_DELAY_MS = 60 * 60 * 1000;
const BACKOFF_FACTOR = 4;

function nextAttemptDelayMs(failuresSoFar: number): number {
  return FIRST_RETRY_DELAY_MS * BACKOFF_FACTOR ** Math.max(0, failuresSoFar - 1);
}

/**
 * Step (c): the transfer exists in Stripe, so the payout is paid and its credits paid_out, and the creator's email
 * is queued in the same transaction. Safe to call any number of times and from any path (this run, a later run,
 * after the transfer.created webhook got there first): the dedupe key `payout-paid:{payoutId}` queues one email.
 */
export async function confirmPayoutPaid(
  tx: Executor,
  params: { payoutId: string; transferId: string; at: Date },
): Promise<Payout | null> {
  await confirmPayoutTransfer(tx, params);
  const payout = await getPayoutById(tx, { payoutId: params.payoutId });
  if (payout?.status === "paid") await queuePayoutPaidEmail(tx, payout);
  return payout;
}

/** The "payout paid" email for a paid payout; a no-op when it was queued before. */
export async function queuePayoutPaidEmail(tx: Executor, payout: Payout): Promise<void> {
  const to = await getPayoutRecipient(tx, { creatorId: payout.creatorId });
  if (!to) return;
  await queueEmail(tx, {
    to: to.email,
    kind: "payout_paid",
    ...payoutPaidEmail({ name: to.name, month: payout.month, amountCents: payout.amountCents }),
    dedupeKey: `payout-paid:${payout.id}`,
  });
}

/**
 * A transfer attempt failed. attempts + 1 and a backoff; the fifth failure stops automatic retries, flags the
 * payout for an admin and queues the "payout failed" email, in the same transaction. Null when the payout was no
 * longer being attempted (the transfer.created webhook confirmed it meanwhile).
 */
export async function recordTransferFailure(
  tx: Executor,
  params: { payout: Payout; error: string; now: Date },
): Promise<Payout | null> {
  const failures = params.payout.attempts + 1;
  const exhausted = failures >= MAX_PAYOUT_ATTEMPTS;
  const updated = await recordPayoutFailure(tx, {
    payoutId: params.payout.id,
    error: params.error,
    needsAdmin: exhausted,
    nextAttemptAt: exhausted ? null : new Date(params.now.getTime() + nextAttemptDelayMs(failures)),
    now: params.now,
  });
  if (updated?.needsAdmin) {
    const to = await getPayoutRecipient(tx, { creatorId: updated.creatorId });
    if (to) {
      await queueEmail(tx, {
        to: to.email,
        kind: "payout_failed",
        ...payoutFailedEmail({ name: to.name, month: updated.month, amountCents: updated.amountCents }),
        dedupeKey: `payout-failed:${updated.id}`,
      });
    }
  }
  return updated;
}
