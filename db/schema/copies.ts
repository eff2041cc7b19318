import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, sqlList, timestamptz, updatedAt } from "./_columns";
import { invoices, subscriptions } from "./billing";
import { flows } from "./flows";
import { tenants } from "./tenants";
import { users } from "./users";

/** Where a copy came from: the Copy button, the JSON API, the browser extension, or an agent over MCP (/api/mcp). */
export const COPY_SOURCES = ["web", "api", "extension", "mcp"] as const;
export type CopySource = (typeof COPY_SOURCES)[number];

/** One row per (user, flow, period): the distinct-copy rule is this unique index. */
export const copyEvents = pgTable(
  "copy_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    /** The tenant whose plan paid for the copy (personal or the team of the seat). */
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "restrict" }),
    flowId: uuid("flow_id")
      .notNull()
      .references(() => flows.id, { onDelete: "restrict" }),
    creatorId: uuid("creator_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    subscriptionId: uuid("subscription_id").references(() => subscriptions.id, {
      onDelete: "restrict",
    }),
    periodStart: timestamptz("period_start").notNull(),
    periodEnd: timestamptz("period_end").notNull(),
    countedForPayout: boolean("counted_for_payout").notNull().default(false),
    source: text("source", { enum: COPY_SOURCES }).notNull(),
    idempotencyKey: text("idempotency_key"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("copy_events_user_flow_period_key").on(t.userId, t.flowId, t.periodStart),
    uniqueIndex("copy_events_idempotency_key")
      .on(t.userId, t.idempotencyKey)
      .where(sql`idempotency_key is not null`),
    index("copy_events_user_created_idx").on(t.userId, t.createdAt.desc()),
    index("copy_events_flow_created_idx").on(t.flowId, t.createdAt),
    index("copy_events_creator_created_idx").on(t.creatorId, t.createdAt),
    check("copy_events_source_check", sql.raw(`source in ${sqlList(COPY_SOURCES)}`)),
    check("copy_events_period_order", sql`${t.periodEnd} > ${t.periodStart}`),
  ],
);

/** Per-user usage in one period: the conditional update of paid_copies is what caps qualifying copies. */
export const copyPeriodUsage = pgTable(
  "copy_period_usage",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    periodStart: timestamptz("period_start").notNull(),
    periodEnd: timestamptz("period_end").notNull(),
    copies: integer("copies").notNull().default(0),
    paidCopies: integer("paid_copies").notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.periodStart] }),
    check("copy_period_usage_counts", sql`${t.paidCopies} >= 0 and ${t.copies} >= ${t.paidCopies}`),
  ],
);

export const CREDIT_STATUSES = ["pending", "earned", "paid_out", "void", "reversed"] as const;
export type CreditStatus = (typeof CREDIT_STATUSES)[number];

/** The creator ledger: one row per qualifying copy. */
export const creatorCredits = pgTable(
  "creator_credits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    creatorId: uuid("creator_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    copyEventId: uuid("copy_event_id")
      .notNull()
      .references(() => copyEvents.id, { onDelete: "restrict" }),
    subscriberId: uuid("subscriber_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "restrict" }),
    /** The invoice that paid the period, once known. */
    invoiceId: uuid("invoice_id").references(() => invoices.id, { onDelete: "restrict" }),
    periodStart: timestamptz("period_start").notNull(),
    periodEnd: timestamptz("period_end").notNull(),
    amountCents: integer("amount_cents").notNull(),
    status: text("status", { enum: CREDIT_STATUSES }).notNull().default("pending"),
    /** The payout that paid this credit. */
    payoutId: uuid("payout_id").references(() => payouts.id, { onDelete: "restrict" }),
    /** For a credit reversed after it was paid out: the payout that deducted it again. */
    deductedInPayoutId: uuid("deducted_in_payout_id").references(() => payouts.id, {
      onDelete: "restrict",
    }),
    earnedAt: timestamptz("earned_at"),
    reversedAt: timestamptz("reversed_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("creator_credits_copy_event_key").on(t.copyEventId),
    index("creator_credits_creator_status_idx").on(t.creatorId, t.status),
    index("creator_credits_creator_created_idx").on(t.creatorId, t.createdAt),
    index("creator_credits_subscription_period_idx").on(t.subscriptionId, t.periodStart),
    index("creator_credits_payout_idx").on(t.payoutId),
    index("creator_credits_deducted_idx").on(t.deductedInPayoutId),
    check("creator_credits_status_check", sql.raw(`status in ${sqlList(CREDIT_STATUSES)}`)),
    check("creator_credits_amount_positive", sql`${t.amountCents} > 0`),
    check("creator_credits_paid_out_has_payout", sql`${t.status} <> 'paid_out' or ${t.payoutId} is not null`),
  ],
);

export const PAYOUT_STATUSES = ["pending", "processing", "paid", "failed"] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

/** One payout per creator and month. */
export const payouts = pgTable(
  "payouts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    creatorId: uuid("creator_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    month: text("month").notNull(),
    amountCents: integer("amount_cents").notNull(),
    status: text("status", { enum: PAYOUT_STATUSES }).notNull().default("pending"),
    stripeTransferId: text("stripe_transfer_id"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: timestamptz("next_attempt_at"),
    needsAdmin: boolean("needs_admin").notNull().default(false),
    paidAt: timestamptz("paid_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("payouts_creator_month_key").on(t.creatorId, t.month),
    uniqueIndex("payouts_transfer_key").on(t.stripeTransferId),
    index("payouts_status_idx").on(t.status),
    index("payouts_retry_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`status = 'failed' and not needs_admin`),
    check("payouts_month_format", sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check("payouts_amount_nonnegative", sql`${t.amountCents} >= 0`),
    check("payouts_status_check", sql.raw(`status in ${sqlList(PAYOUT_STATUSES)}`)),
    check("payouts_attempts_nonnegative", sql`${t.attempts} >= 0`),
  ],
);

/** A creator's Stripe Connect account, as last reported by account.updated (re-fetched). */
export const creatorStripeAccounts = pgTable(
  "creator_stripe_accounts",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "restrict" }),
    stripeAccountId: text("stripe_account_id").notNull(),
    detailsSubmitted: boolean("details_submitted").notNull().default(false),
    chargesEnabled: boolean("charges_enabled").notNull().default(false),
    payoutsEnabled: boolean("payouts_enabled").notNull().default(false),
    transfersCapability: text("transfers_capability").notNull().default("inactive"),
    requirementsDue: text("requirements_due")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("creator_stripe_accounts_account_key").on(t.stripeAccountId)],
);

export type CopyEvent = typeof copyEvents.$inferSelect;
export type CreatorCredit = typeof creatorCredits.$inferSelect;
export type Payout = typeof payouts.$inferSelect;
export type CreatorStripeAccount = typeof creatorStripeAccounts.$inferSelect;
