import { and, eq, inArray, sql } from "drizzle-orm";
import { creatorCredits, payouts } from "../schema";
import type { Executor } from "../types";

/**
 * Stripe confirms a transfer we created for a payout: the payout is paid and its credits paid out.
 * Idempotent, and it converges a run that died between the transfer call and its own database write. Only a
 * transfer of the payout's exact amount confirms it, and never one an admin was asked to look at (a late
 * transfer.created must not undo the flag the run set on a twin or mismatched transfer).
 */
export async function confirmPayoutTransfer(
  db: Executor,
  params: { payoutId: string; transferId: string; amountCents: number; at: Date },
) {
  const [payout] = await db
    .update(payouts)
    .set({
      status: "paid",
      stripeTransferId: params.transferId,
      paidAt: params.at,
      lastError: null,
      updatedAt: params.at,
    })
    .where(
      and(
        eq(payouts.id, params.payoutId),
        inArray(payouts.status, ["pending", "processing", "failed"]),
        eq(payouts.needsAdmin, false),
        eq(payouts.amountCents, params.amountCents),
      ),
    )
    .returning();
  if (payout) {
    await db
      .update(creatorCredits)
      .set({ status: "paid_out", updatedAt: params.at })
      .where(and(eq(creatorCredits.payoutId, payout.id), eq(creatorCredits.status, "earned")));
  }
  return payout ?? null;
}

/**
 * A transfer Stripe reversed. Fully reversed, the money is back on the platform and the creator was not paid: the
 * payout is failed again (one more attempt counted, so a retry uses a new idempotency key), its credits earned again
 * (still held by it), and an admin decides when to pay it again. Partly reversed: flagged for an admin, still paid.
 */
export async function recordReversedTransfer(db: Executor, params: { transferId: string; fully: boolean; at: Date }) {
  if (!params.fully) {
    await db
      .update(payouts)
      .set({
        needsAdmin: true,
        lastError: `Transfer ${params.transferId} was partly reversed in Stripe.`,
        updatedAt: params.at,
      })
      .where(eq(payouts.stripeTransferId, params.transferId));
    return null;
  }
  const [payout] = await db
    .update(payouts)
    .set({
      status: "failed",
      needsAdmin: true,
      nextAttemptAt: null,
      paidAt: null,
      attempts: sql`${payouts.attempts} + 1`,
      lastError: `Transfer ${params.transferId} was reversed in Stripe: the creator was not paid. Retry to pay again.`,
      updatedAt: params.at,
    })
    .where(and(eq(payouts.stripeTransferId, params.transferId), eq(payouts.status, "paid")))
    .returning();
  if (payout) {
    await db
      .update(creatorCredits)
      .set({ status: "earned", updatedAt: params.at })
      .where(and(eq(creatorCredits.payoutId, payout.id), eq(creatorCredits.status, "paid_out")));
  }
  return payout ?? null;
}
