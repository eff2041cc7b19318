import { and, eq, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { creatorCredits } from "../schema";
import type { Executor } from "../types";

// Credit lifecycle (PRODUCT.md "The copy" rule 5 and "Money and payouts"):
// pending -> earned (the period's invoice is paid) -> paid_out (a payout paid it)
// pending -> void (the period is never paid)
// pending | earned | paid_out -> reversed (refund or dispute); a won dispute restores it.

const forPeriod = (p: { subscriptionId: string; periodStart: Date }) =>
  and(eq(creatorCredits.subscriptionId, p.subscriptionId), eq(creatorCredits.periodStart, p.periodStart));

export async function markPeriodCreditsEarned(
  db: Executor,
  params: { subscriptionId: string; periodStart: Date; invoiceId: string; at: Date },
) {
  const rows = await db
    .update(creatorCredits)
    .set({ status: "earned", invoiceId: params.invoiceId, earnedAt: params.at, updatedAt: params.at })
    .where(and(forPeriod(params), eq(creatorCredits.status, "pending")))
    .returning({ id: creatorCredits.id });
  return rows.length;
}

export async function voidPeriodCredits(db: Executor, params: { subscriptionId: string; periodStart: Date; at: Date }) {
  const rows = await db
    .update(creatorCredits)
    .set({ status: "void", updatedAt: params.at })
    .where(and(forPeriod(params), eq(creatorCredits.status, "pending")))
    .returning({ id: creatorCredits.id });
  return rows.length;
}

/** Pending credits of periods that ended before `before`, for the "period ends unpaid" check. */
export async function listEndedPendingPeriods(db: Executor, params: { subscriptionId: string; before: Date }) {
  return db
    .selectDistinct({ periodStart: creatorCredits.periodStart, periodEnd: creatorCredits.periodEnd })
    .from(creatorCredits)
    .where(
      and(
        eq(creatorCredits.subscriptionId, params.subscriptionId),
        eq(creatorCredits.status, "pending"),
        lte(creatorCredits.periodEnd, params.before),
      ),
    );
}

export async function reversePeriodCredits(
  db: Executor,
  params: { subscriptionId: string; periodStart: Date; invoiceId: string; at: Date },
) {
  const rows = await db
    .update(creatorCredits)
    .set({ status: "reversed", invoiceId: params.invoiceId, reversedAt: params.at, updatedAt: params.at })
    .where(and(forPeriod(params), inArray(creatorCredits.status, ["pending", "earned", "paid_out"])))
    .returning({ id: creatorCredits.id });
  return rows.length;
}

/**
 * A won dispute: reversed credits go back to what they were. One already paid out and not yet deducted is
 * paid_out again; one whose reversal was already deducted from a payout becomes earned, to be paid again.
 */
export async function restoreReversedCredits(
  db: Executor,
  params: { subscriptionId: string; periodStart: Date; at: Date },
) {
  const reversed = and(forPeriod(params), eq(creatorCredits.status, "reversed"));
  const paidBack = await db
    .update(creatorCredits)
    .set({ status: "paid_out", reversedAt: null, updatedAt: params.at })
    .where(and(reversed, isNotNull(creatorCredits.payoutId), isNull(creatorCredits.deductedInPayoutId)))
    .returning({ id: creatorCredits.id });
  const earned = await db
    .update(creatorCredits)
    .set({
      status: "earned",
      reversedAt: null,
      payoutId: null,
      deductedInPayoutId: null,
      // An ISO string, not a Date: postgres.js cannot bind a Date inside raw sql (PGlite can, so only PostgreSQL failed).
      earnedAt: sql`coalesce(${creatorCredits.earnedAt}, ${params.at.toISOString()}::timestamptz)`,
      updatedAt: params.at,
    })
    .where(reversed)
    .returning({ id: creatorCredits.id });
  return paidBack.length + earned.length;
}
