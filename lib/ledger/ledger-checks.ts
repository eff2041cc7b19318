import "server-only";
import {
  listCreditsWithoutPaidInvoice,
  listSubscriberPeriodsOver,
  listUsageMismatches,
  type LedgerInvoice,
  type LedgerPayout,
  type LedgerPeriod,
} from "@/db/queries/reconcile";
import type { SubscriptionStatus } from "@/db/schema";
import type { Executor } from "@/db/types";
import { periodPayment } from "@/lib/billing/credit-settlement";
import { COPY_CREDIT_CENTS, PLANS } from "@/lib/plans";
import type { Violation } from "./types";

// The money invariants that our own rows must satisfy (stripe-checks.ts compares them with Stripe).

const cents = (n: number) => `${n} cents`;
const periodRow = (p: { subscriptionId: string; periodStart: Date }) =>
  `subscription ${p.subscriptionId} period ${p.periodStart.toISOString()}`;

/** The most one user's credits may add up to in a period, on any plan (100 x 7c = 700). */
const USER_PERIOD_CAP_CENTS = Math.max(...Object.values(PLANS).map((p) => p.paidCopiesPerPeriod)) * COPY_CREDIT_CENTS;

export async function checkCreditRows(db: Executor): Promise<Violation[]> {
  const [unpaid, over, usage] = await Promise.all([
    listCreditsWithoutPaidInvoice(db),
    listSubscriberPeriodsOver(db, { capCents: USER_PERIOD_CAP_CENTS }),
    listUsageMismatches(db),
  ]);
  return [
    ...unpaid.map((c) => ({
      check: "earned_without_paid_invoice",
      row: `creator_credits ${c.id}`,
      message: `${c.status} credit, but its invoice ${c.invoice_id ?? "(none)"} is ${c.invoice_status ?? "missing"} or bills another period`,
    })),
    ...over.map((o) => ({
      check: "subscriber_period_cap",
      row: `subscriber ${o.subscriberId} period ${o.periodStart.toISOString()}`,
      message: `credits add up to ${cents(o.cents)}, over the ${cents(USER_PERIOD_CAP_CENTS)} a period can fund`,
    })),
    ...usage.map((u) => ({
      check: "usage_counter",
      row: `copy_period_usage ${u.userId} ${u.periodStart.toISOString()}`,
      message: `stores ${u.stored.copies} copies / ${u.stored.paidCopies} paid, the copies say ${u.counted.copies} / ${u.counted.paidCopies}`,
    })),
  ];
}

/**
 * Per period: its credits never exceed 70% of what was paid for it net of refunds; no earned credit without a paid
 * invoice; every pending credit waits for a payment that can still come; credit_periods agrees with the credits.
 */
export function checkPeriods(periods: LedgerPeriod[], invoices: LedgerInvoice[], now: Date): Violation[] {
  const byPeriod = new Map<string, LedgerInvoice[]>();
  for (const i of invoices) {
    const key = `${i.subscriptionId}|${i.periodStart.toISOString()}`;
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), i]);
  }
  const violations: Violation[] = [];
  for (const p of periods) {
    const row = periodRow(p);
    const payment = periodPayment(
      byPeriod.get(`${p.subscriptionId}|${p.periodStart.toISOString()}`) ?? [],
      { status: p.subscriptionStatus as SubscriptionStatus },
      p.periodEnd,
      now,
    );
    if (p.earnedCents > payment.fundedCents) {
      violations.push({
        check: payment.state === "paid" ? "period_over_funding" : "earned_without_paid_invoice",
        row,
        message:
          payment.state === "paid"
            ? `earned credits ${cents(p.earnedCents)} exceed 70% of what was paid net of refunds (${cents(payment.fundedCents)})`
            : `earned credits ${cents(p.earnedCents)} in a period with no paid invoice (${payment.state})`,
      });
    }
    if (p.pendingCents > 0 && payment.state !== "unpaid") {
      violations.push({
        check: "pending_without_reason",
        row,
        message: `pending credits ${cents(p.pendingCents)} in a period that is ${payment.state === "paid" ? "already paid" : "void (Stripe gave up on it)"}`,
      });
    }
    const stored = p.stored;
    if (!stored) {
      violations.push({ check: "credit_period_missing", row, message: "credits without a credit_periods row" });
    } else if (
      stored.state !== payment.state ||
      stored.creditedCents !== p.liveCents ||
      stored.fundedCents !== payment.fundedCents
    ) {
      violations.push({
        check: "credit_period_stale",
        row,
        message: `credit_periods says ${stored.state}, funds ${cents(stored.fundedCents)}, credits ${cents(stored.creditedCents)}; the invoices and credits say ${payment.state}, ${cents(payment.fundedCents)}, ${cents(p.liveCents)}`,
      });
    }
  }
  return violations;
}

/** A payout's amount is what it holds minus what it deducted; a paid one holds nothing unpaid, an unpaid none paid. */
export function checkPayouts(payouts: LedgerPayout[]): Violation[] {
  const violations: Violation[] = [];
  for (const p of payouts) {
    const row = `payout ${p.id} (creator ${p.creatorId}, ${p.month})`;
    if (p.amountCents !== p.heldCents - p.deductedCents) {
      violations.push({
        check: "payout_amount",
        row,
        message: `amount ${cents(p.amountCents)} is not the ${cents(p.heldCents)} it holds minus the ${cents(p.deductedCents)} it deducts`,
      });
    }
    if (p.status === "paid" && p.earnedHeld > 0) {
      violations.push({
        check: "payout_credits",
        row,
        message: `paid, yet ${p.earnedHeld} of its credits are still earned`,
      });
    }
    if (p.status !== "paid" && p.paidOutHeld > 0) {
      violations.push({
        check: "payout_credits",
        row,
        message: `${p.status}, yet ${p.paidOutHeld} of its credits are paid_out`,
      });
    }
  }
  return violations;
}
