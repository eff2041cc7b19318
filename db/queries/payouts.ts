import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { allOf } from "../conditions";
import { creatorCredits, creatorStripeAccounts, emailOutbox, payouts, users, type Payout } from "../schema";
import { oneRow, queryRows } from "../rows";
import type { Executor } from "../types";

// The payout ledger (PRODUCT.md "Money and payouts"). The rules that decide what these are called with live in
// lib/payouts/; these functions only read and write rows. Every money sum is integer cents.

const iso = (at: Date) => sql`${at.toISOString()}::timestamptz`;

/** An earned credit no payout has taken yet, earned before `before`. */
function unpaidEarned(before: Date): SQL {
  return allOf(
    eq(creatorCredits.status, "earned"),
    isNull(creatorCredits.payoutId),
    // earned_at is always set by the lifecycle; created_at is a fallback so a credit can never be stranded.
    sql`coalesce(${creatorCredits.earnedAt}, ${creatorCredits.createdAt}) < ${iso(before)}`,
  );
}

/** A credit reversed after a paid payout paid it, reversed before `before`, and not yet deducted from a later payout. */
function undeductedReversal(before: Date): SQL {
  return allOf(
    eq(creatorCredits.status, "reversed"),
    isNotNull(creatorCredits.payoutId),
    isNull(creatorCredits.deductedInPayoutId),
    sql`coalesce(${creatorCredits.reversedAt}, ${creatorCredits.updatedAt}) < ${iso(before)}`,
    // Deduct only what really left the platform: a payout still being attempted transfers its amount later.
    sql`exists (select 1 from ${payouts} p where p.id = ${creatorCredits.payoutId} and p.status = 'paid')`,
  );
}

export type CreatorBalance = { creatorId: string; earnedCents: number; deductionCents: number };

/**
 * Per creator: what a payout cut at `before` would pay, and what it would deduct. Only creators with either.
 * Two scans added up (union all), not one scan with `earned or reversal`: PostgreSQL estimates that OR with its
 * `exists` so badly (cost 2,000,000 for 300,000 rows) that it sorts every credit on disk and spends seconds
 * JIT-compiling; apart, the earned scan is the plain parallel aggregate and the reversals an index lookup.
 * Unordered (the run orders the creators itself).
 */
export async function listCreatorBalances(db: Executor, params: { before: Date }): Promise<CreatorBalance[]> {
  const rows = await queryRows<{ creator_id: string; earned_cents: number; deduction_cents: number }>(
    db,
    sql`
    select creator_id, sum(earned)::int as earned_cents, sum(deducted)::int as deduction_cents
    from (
      select ${creatorCredits.creatorId} as creator_id, ${creatorCredits.amountCents} as earned, 0 as deducted
      from ${creatorCredits} where ${unpaidEarned(params.before)}
      union all
      select ${creatorCredits.creatorId}, 0, ${creatorCredits.amountCents}
      from ${creatorCredits} where ${undeductedReversal(params.before)}
    ) payable
    group by creator_id`,
  );
  return rows.map((r) => ({
    creatorId: r.creator_id,
    earnedCents: r.earned_cents,
    deductionCents: r.deduction_cents,
  }));
}

export async function listPayoutsForMonth(db: Executor, params: { month: string }): Promise<Payout[]> {
  return db.select().from(payouts).where(eq(payouts.month, params.month)).orderBy(asc(payouts.creatorId));
}

export async function getPayoutById(db: Executor, params: { payoutId: string }): Promise<Payout | null> {
  const [row] = await db.select().from(payouts).where(eq(payouts.id, params.payoutId));
  return row ?? null;
}

/** The connected accounts of these creators, as last synced from Stripe (account.updated). */
export async function listPayoutAccounts(db: Executor, params: { creatorIds: string[] }) {
  if (params.creatorIds.length === 0) return [];
  return db
    .select({
      userId: creatorStripeAccounts.userId,
      stripeAccountId: creatorStripeAccounts.stripeAccountId,
      transfersCapability: creatorStripeAccounts.transfersCapability,
      payoutsEnabled: creatorStripeAccounts.payoutsEnabled,
    })
    .from(creatorStripeAccounts)
    .where(inArray(creatorStripeAccounts.userId, params.creatorIds));
}

/** Step (a), first write: the month's payout row, or null when the creator already has one (the unique index decides). */
export async function insertProcessingPayout(db: Executor, params: { creatorId: string; month: string; now: Date }) {
  const [row] = await db
    .insert(payouts)
    .values({
      creatorId: params.creatorId,
      month: params.month,
      amountCents: 0,
      status: "processing",
      createdAt: params.now,
      updatedAt: params.now,
    })
    .onConflictDoNothing({ target: [payouts.creatorId, payouts.month] })
    .returning();
  return row ?? null;
}

/**
 * Step (a), in the same transaction: the payout takes the creator's unpaid earned credits and undeducted reversals.
 * The sums come from the rows actually updated, so the amount and the attached credits always agree, whatever a
 * concurrent refund or dispute did a moment before. One statement, summed in SQL: a creator with 100,000 credits
 * does not send 100,000 rows back to be added up here (bench:payouts).
 */
export async function attachCreditsToPayout(
  db: Executor,
  params: { payoutId: string; creatorId: string; before: Date; now: Date },
): Promise<{ earnedCents: number; deductionCents: number; credits: number; deductions: number }> {
  const rows = await queryRows<{ earned_cents: number; credits: number; deduction_cents: number; deductions: number }>(
    db,
    sql`
    with earned as (
      update ${creatorCredits} set payout_id = ${params.payoutId}::uuid, updated_at = ${iso(params.now)}
      where ${creatorCredits.creatorId} = ${params.creatorId}::uuid and ${unpaidEarned(params.before)}
      returning ${creatorCredits.amountCents}
    ),
    deducted as (
      update ${creatorCredits} set deducted_in_payout_id = ${params.payoutId}::uuid, updated_at = ${iso(params.now)}
      where ${creatorCredits.creatorId} = ${params.creatorId}::uuid and ${undeductedReversal(params.before)}
      returning ${creatorCredits.amountCents}
    )
    select (select coalesce(sum(amount_cents), 0)::int from earned) as earned_cents,
           (select count(*)::int from earned) as credits,
           (select coalesce(sum(amount_cents), 0)::int from deducted) as deduction_cents,
           (select count(*)::int from deducted) as deductions`,
  );
  const row = oneRow(rows, "attached credits");
  return {
    earnedCents: row.earned_cents,
    deductionCents: row.deduction_cents,
    credits: row.credits,
    deductions: row.deductions,
  };
}

export async function setPayoutAmount(db: Executor, params: { payoutId: string; amountCents: number; now: Date }) {
  const rows = await db
    .update(payouts)
    .set({ amountCents: params.amountCents, updatedAt: params.now })
    .where(eq(payouts.id, params.payoutId))
    .returning();
  return oneRow(rows, "payout");
}

/**
 * A transfer attempt failed: attempts + 1, the reason, and when to try again (null with needsAdmin when no
 * automatic attempt is left). Only from pending/processing, so a payout the webhook already confirmed stays paid.
 */
export async function recordPayoutFailure(
  db: Executor,
  params: { payoutId: string; error: string; nextAttemptAt: Date | null; needsAdmin: boolean; now: Date },
): Promise<Payout | null> {
  const [row] = await db
    .update(payouts)
    .set({
      status: "failed",
      attempts: sql`${payouts.attempts} + 1`,
      lastError: params.error.slice(0, 1000),
      nextAttemptAt: params.nextAttemptAt,
      needsAdmin: params.needsAdmin,
      updatedAt: params.now,
    })
    .where(and(eq(payouts.id, params.payoutId), inArray(payouts.status, ["pending", "processing"])))
    .returning();
  return row ?? null;
}

/** Something only a person can resolve (a transfer reversed in Stripe, amounts that disagree): stop retrying. */
export async function flagPayoutForAdmin(db: Executor, params: { payoutId: string; error: string; now: Date }) {
  const [row] = await db
    .update(payouts)
    .set({
      status: "failed",
      needsAdmin: true,
      nextAttemptAt: null,
      lastError: params.error.slice(0, 1000),
      updatedAt: params.now,
    })
    .where(and(eq(payouts.id, params.payoutId), inArray(payouts.status, ["pending", "processing", "failed"])))
    .returning();
  return row ?? null;
}

/** Payouts a retry pass takes: failed ones whose backoff is over, and attempts a crash interrupted. */
export async function listPayoutsToRetry(db: Executor, params: { now: Date; limit: number }): Promise<Payout[]> {
  return db
    .select()
    .from(payouts)
    .where(
      or(
        and(eq(payouts.status, "failed"), eq(payouts.needsAdmin, false), lte(payouts.nextAttemptAt, params.now)),
        inArray(payouts.status, ["pending", "processing"]),
      ),
    )
    .orderBy(asc(payouts.month), asc(payouts.creatorId))
    .limit(params.limit);
}

/** Takes a failed payout for one more attempt; null when it is not (or no longer) failed and due. */
export async function claimFailedPayout(db: Executor, params: { payoutId: string; now: Date }): Promise<Payout | null> {
  const [row] = await db
    .update(payouts)
    .set({ status: "processing", updatedAt: params.now })
    .where(
      and(
        eq(payouts.id, params.payoutId),
        eq(payouts.status, "failed"),
        eq(payouts.needsAdmin, false),
        lte(payouts.nextAttemptAt, params.now),
      ),
    )
    .returning();
  return row ?? null;
}

/** An admin asks for one more attempt of a payout that ran out of automatic ones. */
export async function reopenPayoutForRetry(
  db: Executor,
  params: { payoutId: string; now: Date },
): Promise<Payout | null> {
  const [row] = await db
    .update(payouts)
    .set({ needsAdmin: false, nextAttemptAt: params.now, updatedAt: params.now })
    .where(and(eq(payouts.id, params.payoutId), eq(payouts.status, "failed")))
    .returning();
  return row ?? null;
}

/** Recently paid payouts whose "payout paid" email was never queued (the transfer.created webhook confirmed them). */
export async function listPaidPayoutsWithoutEmail(
  db: Executor,
  params: { paidSince: Date; limit: number },
): Promise<Payout[]> {
  const rows = await db
    .select({ payout: payouts })
    .from(payouts)
    .leftJoin(emailOutbox, eq(emailOutbox.dedupeKey, sql`'payout-paid:' || ${payouts.id}::text`))
    .where(and(eq(payouts.status, "paid"), gte(payouts.paidAt, params.paidSince), isNull(emailOutbox.id)))
    .orderBy(asc(payouts.paidAt))
    .limit(params.limit);
  return rows.map((r) => r.payout);
}

/** Who a payout email goes to. */
export async function getPayoutRecipient(db: Executor, params: { creatorId: string }) {
  const [row] = await db
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, params.creatorId));
  return row ?? null;
}

export type RecentPayout = Payout & { creatorEmail: string; creatorName: string | null };

export type PayoutFilter = "all" | "failed" | "needs_admin";

/** The admin console's list, one page: newest first, with the creator; optionally only failed ones. */
export async function listPayoutsPage(
  db: Executor,
  params: { filter: PayoutFilter; page: number; pageSize: number },
): Promise<{ items: RecentPayout[]; total: number }> {
  const where =
    params.filter === "failed"
      ? eq(payouts.status, "failed")
      : params.filter === "needs_admin"
        ? eq(payouts.needsAdmin, true)
        : undefined;
  const [rows, total] = await Promise.all([
    db
      .select({ payout: payouts, creatorEmail: users.email, creatorName: users.name })
      .from(payouts)
      .innerJoin(users, eq(users.id, payouts.creatorId))
      .where(where)
      .orderBy(desc(payouts.createdAt), asc(payouts.creatorId))
      .limit(params.pageSize)
      .offset((params.page - 1) * params.pageSize),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(payouts)
      .where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r.payout, creatorEmail: r.creatorEmail, creatorName: r.creatorName })),
    total: Number(total[0]?.count ?? 0),
  };
}
