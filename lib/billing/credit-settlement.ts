import type { CreditPeriodState, Invoice, SubscriptionStatus } from "@/db/schema";
import type { PeriodCredit } from "@/db/queries/credit-periods";
import { CREATOR_SHARE_PERCENT } from "@/lib/plans";

// The credit lifecycle as pure functions (PRODUCT.md "The copy" rule 5, "Money and payouts"): what a period's
// payment funds, and which status each of its credits must have. credit-lifecycle.ts reads the rows and applies it.

export type PeriodPayment = { state: CreditPeriodState; invoiceId: string | null; fundedCents: number };

/** Subscription states in which Stripe will not collect an unpaid period any more. */
const GAVE_UP: ReadonlySet<SubscriptionStatus> = new Set(["canceled", "unpaid", "incomplete_expired", "paused"]);
/** Subscription states after which no period of it will be billed again. */
const ENDED: ReadonlySet<SubscriptionStatus> = new Set(["canceled", "incomplete_expired"]);

/** What the subscriber really paid on an invoice: net of refunds; nothing while a dispute holds the funds. */
export function netPaidCents(invoice: Pick<Invoice, "amountPaidCents" | "amountRefundedCents" | "disputed">): number {
  if (invoice.disputed) return 0;
  return Math.max(0, invoice.amountPaidCents - invoice.amountRefundedCents);
}

/** 70% of what was paid for a period, in whole cents rounded down: the most its credits may add up to. */
export function fundingCents(netPaid: number): number {
  return Math.floor((netPaid * CREATOR_SHARE_PERCENT) / 100);
}

/**
 * A period's payment from its invoices: paid (any paid invoice: funds 70% of the net paid), void (an invoice voided
 * or uncollectible and none paid, or the subscription gave up after the period ended) or unpaid (still collectible).
 * Void is not final: an uncollectible invoice paid later, or an open one paid after cancellation, makes it paid.
 */
export function periodPayment(
  invoices: Pick<Invoice, "id" | "status" | "amountPaidCents" | "amountRefundedCents" | "disputed">[],
  subscription: { status: SubscriptionStatus },
  periodEnd: Date,
  now: Date,
): PeriodPayment {
  const paid = invoices.filter((i) => i.status === "paid");
  const [firstPaid] = paid;
  if (firstPaid) {
    const net = paid.reduce((sum, i) => sum + netPaidCents(i), 0);
    return { state: "paid", invoiceId: firstPaid.id, fundedCents: fundingCents(net) };
  }
  const abandoned = invoices.some((i) => i.status === "void" || i.status === "uncollectible");
  const gaveUp =
    GAVE_UP.has(subscription.status) && (ENDED.has(subscription.status) || periodEnd.getTime() <= now.getTime());
  return { state: abandoned || gaveUp ? "void" : "unpaid", invoiceId: null, fundedCents: 0 };
}

export type Settlement = {
  /** pending, void or reversed credits the payment funds (reversed ones with no paid payout). */
  toEarned: string[];
  /** reversed credits a paid payout already paid, funded again before any deduction. */
  toPaidOut: string[];
  /** earned or paid-out credits the payment no longer funds (refund, dispute): the newest first to go. */
  toReversed: string[];
  /** pending (or void) credits the payment does not fund, or whose period Stripe gave up on. */
  toVoid: string[];
  /** void credits of a period that is collectible again. */
  toPending: string[];
  /** Deducted credits whose copy is funded again: each gets a new earned credit. */
  restoreFrom: string[];
  /** Sum of the credits still in play afterwards (pending, earned, paid_out). */
  creditedCents: number;
};

const LIVE = new Set(["pending", "earned", "paid_out"]);

/**
 * The status every credit of a period must have under its payment. Copies are taken oldest first: in a paid period
 * the first ones whose amounts fit in fundedCents are earned (paid_out if their payout paid them), the rest are not
 * funded: a partial refund reverses the newest credits until the rest fits, a full refund or a $0 invoice funds none.
 * `credits` is every row of the period, oldest first; a copy has at most one row not yet deducted.
 */
export function settlePeriodCredits(credits: PeriodCredit[], payment: PeriodPayment): Settlement {
  const out: Settlement = {
    toEarned: [],
    toPaidOut: [],
    toReversed: [],
    toVoid: [],
    toPending: [],
    restoreFrom: [],
    creditedCents: 0,
  };
  const copies = new Map<string, { current: PeriodCredit | null; deducted: PeriodCredit | null }>();
  for (const credit of credits) {
    const copy = copies.get(credit.copyEventId) ?? { current: null, deducted: null };
    if (credit.deductedInPayoutId === null) copy.current = credit;
    else copy.deducted ??= credit;
    copies.set(credit.copyEventId, copy);
  }
  let budget = payment.fundedCents;
  for (const { current, deducted } of copies.values()) {
    const credit = current ?? deducted;
    if (!credit) continue; // Not reached: each entry was made for a credit.
    const amount = credit.amountCents;
    if (payment.state === "paid") {
      const funded = amount <= budget;
      if (funded) budget -= amount;
      if (!current) {
        if (funded) {
          out.restoreFrom.push(credit.id); // The deducted row: there is no current one.
          out.creditedCents += amount;
        }
        continue;
      }
      if (funded) {
        if (current.status === "pending" || current.status === "void") out.toEarned.push(current.id);
        if (current.status === "reversed") {
          // Its payout paid it and nothing was deducted yet: paid out again. Otherwise earned (held or not).
          (current.payoutId && current.payoutPaid ? out.toPaidOut : out.toEarned).push(current.id);
        }
        out.creditedCents += amount;
      } else {
        if (current.status === "earned" || current.status === "paid_out") out.toReversed.push(current.id);
        if (current.status === "pending") out.toVoid.push(current.id);
      }
      continue;
    }
    if (!current) continue;
    if (payment.state === "void" && current.status === "pending") out.toVoid.push(current.id);
    if (payment.state === "unpaid" && current.status === "void") out.toPending.push(current.id);
    const after =
      payment.state === "void" && current.status === "pending"
        ? "void"
        : payment.state === "unpaid" && current.status === "void"
          ? "pending"
          : current.status;
    if (LIVE.has(after)) out.creditedCents += amount;
  }
  return out;
}
