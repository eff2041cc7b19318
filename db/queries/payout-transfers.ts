import { and, eq, inArray } from "drizzle-orm";
import { creatorCredits, payouts } from "../schema";
import type { Executor } from "../types";

/**
 * Stripe confirms a transfer we created for a payout: the payout is paid and its credits paid out.
 * Idempotent, and it converges a run that died between the transfer call and its own database write.
 */
export async function confirmPayoutTransfer(db: Executor, params: { payoutId: string; transferId: string; at: Date }) {
  const [payout] = await db
    .update(payouts)
    .set({
      status: "paid",
      stripeTransferId: params.transferId,
      paidAt: params.at,
      lastError: null,
      needsAdmin: false,
      updatedAt: params.at,
    })
    .where(and(eq(payouts.id, params.payoutId), inArray(payouts.status, ["pending", "processing", "failed"])))
    .returning();
  if (payout) {
    await db
      .update(creatorCredits)
      .set({ status: "paid_out", updatedAt: params.at })
      .where(and(eq(creatorCredits.payoutId, payout.id), eq(creatorCredits.status, "earned")));
  }
  return payout ?? null;
}

/** A transfer Stripe reversed: the payout needs an admin (the money is back on the platform). */
export async function flagReversedTransfer(db: Executor, params: { transferId: string; at: Date }) {
  await db
    .update(payouts)
    .set({ needsAdmin: true, lastError: "The transfer was reversed in Stripe.", updatedAt: params.at })
    .where(eq(payouts.stripeTransferId, params.transferId));
}
