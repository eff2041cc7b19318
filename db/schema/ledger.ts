import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, sqlList, timestamptz, updatedAt } from "./_columns";
import { invoices, subscriptions } from "./billing";

export const CREDIT_PERIOD_STATES = ["unpaid", "paid", "void"] as const;
export type CreditPeriodState = (typeof CREDIT_PERIOD_STATES)[number];

/**
 * What a subscription period's payment funds (PRODUCT.md "The copy" rule 5), one row per (subscription, period) that
 * has or may get credits: `unpaid` (no paid invoice yet: credits pending), `paid` (funded_cents = 70% of what was
 * paid for it net of refunds and withdrawn disputes), `void` (Stripe gave up collecting it: credits void until it is
 * paid after all). credited_cents is the sum of its credits still in play (pending, earned, paid_out).
 * The copy engine locks this row to write a credit and the lifecycle locks it to settle the period, so a credit is
 * never written against a stale payment state, and credited_cents never exceeds funded_cents in a paid period.
 */
export const creditPeriods = pgTable(
  "credit_periods",
  {
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "restrict" }),
    periodStart: timestamptz("period_start").notNull(),
    periodEnd: timestamptz("period_end").notNull(),
    state: text("state", { enum: CREDIT_PERIOD_STATES }).notNull().default("unpaid"),
    /** The paid invoice the period's earned credits point to. */
    invoiceId: uuid("invoice_id").references(() => invoices.id, { onDelete: "restrict" }),
    fundedCents: integer("funded_cents").notNull().default(0),
    creditedCents: integer("credited_cents").notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.subscriptionId, t.periodStart] }),
    check("credit_periods_state_check", sql.raw(`state in ${sqlList(CREDIT_PERIOD_STATES)}`)),
    check("credit_periods_amounts_nonnegative", sql`${t.fundedCents} >= 0 and ${t.creditedCents} >= 0`),
    check("credit_periods_only_paid_funds", sql`${t.state} = 'paid' or ${t.fundedCents} = 0`),
    check(
      "credit_periods_paid_within_funding",
      sql`${t.state} <> 'paid' or (${t.invoiceId} is not null and ${t.creditedCents} <= ${t.fundedCents})`,
    ),
  ],
);

/** The daily reconciliation's results (lib/ledger/reconcile.ts); /admin shows the latest. */
export const reconciliationRuns = pgTable(
  "reconciliation_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    startedAt: timestamptz("started_at").notNull(),
    finishedAt: timestamptz("finished_at").notNull(),
    violationCount: integer("violation_count").notNull(),
    /** What was checked: counts of rows and Stripe objects. */
    checked: jsonb("checked").$type<Record<string, number>>().notNull(),
    /** The first violations (one line each), capped so a broken ledger cannot grow the row without bound. */
    violations: jsonb("violations").$type<{ check: string; row: string; message: string }[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("reconciliation_runs_started_idx").on(t.startedAt.desc()),
    check("reconciliation_runs_count_nonnegative", sql`${t.violationCount} >= 0`),
  ],
);

export type CreditPeriod = typeof creditPeriods.$inferSelect;
export type ReconciliationRun = typeof reconciliationRuns.$inferSelect;
