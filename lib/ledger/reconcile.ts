import "server-only";
import type Stripe from "stripe";
import {
  insertReconciliationRun,
  listCreatorAccountIds,
  listLedgerInvoices,
  listLedgerPayouts,
  listLedgerPeriods,
} from "@/db/queries/reconcile";
import type { Executor } from "@/db/types";
import { checkCreditRows, checkPayouts, checkPeriods } from "./ledger-checks";
import { checkInvoicesInStripe, checkTransfersInStripe } from "./stripe-checks";
import type { ReconciliationResult } from "./types";

/** How many violations a stored run keeps (the count is always exact). */
const STORED_VIOLATIONS = 200;

/**
 * Checks every money invariant (PRODUCT.md "Money and payouts", issue 10) against our database and Stripe:
 * - credits per subscriber-period <= 700 cents, and per subscription-period <= 70% of the net amount paid (by our
 *   invoices and by Stripe's);
 * - no earned or paid-out credit without a paid invoice of its period;
 * - every pending credit has a reason: its period is neither paid (here or in Stripe) nor given up on;
 * - credit_periods and copy_period_usage agree with the rows they count;
 * - every payout's amount = credits it holds - credits deducted in it, and a paid one equals its Stripe transfer;
 * - no creator paid twice for a month, and no transfer that no paid payout records.
 * Reads only; `recordReconciliation` stores the result for /admin.
 */
export async function runReconciliation(
  db: Executor,
  stripe: Stripe,
  options: { now?: Date } = {},
): Promise<ReconciliationResult> {
  const startedAt = new Date();
  const now = options.now ?? startedAt;
  const [periods, invoices, payouts, accounts, creditViolations] = await Promise.all([
    listLedgerPeriods(db),
    listLedgerInvoices(db),
    listLedgerPayouts(db),
    listCreatorAccountIds(db),
    checkCreditRows(db),
  ]);
  const inStripe = await checkInvoicesInStripe(stripe, periods, invoices);
  const transfers = await checkTransfersInStripe(stripe, payouts, accounts);
  const violations = [
    ...creditViolations,
    ...checkPeriods(periods, invoices, now),
    ...checkPayouts(payouts),
    ...inStripe.violations,
    ...transfers.violations,
  ];
  return {
    startedAt,
    finishedAt: new Date(),
    checked: {
      periods: periods.length,
      invoices: invoices.length,
      payouts: payouts.length,
      stripeInvoices: inStripe.checked,
      stripeTransfers: transfers.checked,
    },
    violations,
  };
}

/** Keeps a run's result (the latest is shown on /admin). */
export async function recordReconciliation(db: Executor, result: ReconciliationResult) {
  return insertReconciliationRun(db, {
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    violationCount: result.violations.length,
    checked: result.checked,
    violations: result.violations.slice(0, STORED_VIOLATIONS),
  });
}
