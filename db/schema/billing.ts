import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, sqlList, timestamptz, updatedAt } from "./_columns";
import { tenants } from "./tenants";

/** Every status Stripe gives a subscription. Which of them grant access is decided in lib/entitlements.ts. */
export const SUBSCRIPTION_STATUSES = [
  "trialing",
  "active",
  "past_due",
  "paused",
  "incomplete",
  "incomplete_expired",
  "unpaid",
  "canceled",
] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/**
 * Statuses in which a subscription still exists for billing: a tenant may hold only one (a partial unique index
 * below); it is managed in the portal. Only canceled and incomplete_expired are over.
 */
export const LIVE_SUBSCRIPTION_STATUSES = [
  "trialing",
  "active",
  "past_due",
  "paused",
  "unpaid",
  "incomplete",
] as const satisfies readonly SubscriptionStatus[];

export const INVOICE_STATUSES = ["draft", "open", "paid", "void", "uncollectible"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** Our snapshot of a Stripe subscription, always re-fetched from Stripe, never taken from a webhook payload. */
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "restrict" }),
    stripeSubscriptionId: text("stripe_subscription_id").notNull(),
    stripeCustomerId: text("stripe_customer_id").notNull(),
    stripePriceId: text("stripe_price_id").notNull(),
    status: text("status", { enum: SUBSCRIPTION_STATUSES }).notNull(),
    /** Seats. */
    quantity: integer("quantity").notNull().default(1),
    unitAmountCents: integer("unit_amount_cents").notNull(),
    currentPeriodStart: timestamptz("current_period_start").notNull(),
    currentPeriodEnd: timestamptz("current_period_end").notNull(),
    cancelAtPeriodEnd: boolean("cancel_at_period_end").notNull().default(false),
    canceledAt: timestamptz("canceled_at"),
    trialStart: timestamptz("trial_start"),
    trialEnd: timestamptz("trial_end"),
    endedAt: timestamptz("ended_at"),
    /** When Stripe last changed it as far as we know (the newest event or fetch applied). */
    stripeSyncedAt: timestamptz("stripe_synced_at").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("subscriptions_stripe_id_key").on(t.stripeSubscriptionId),
    index("subscriptions_tenant_idx").on(t.tenantId, t.status),
    // One live subscription per tenant (PRODUCT.md "Billing"): two checkouts completed together cannot both stay.
    uniqueIndex("subscriptions_one_live_per_tenant")
      .on(t.tenantId)
      .where(sql.raw(`status in ${sqlList(LIVE_SUBSCRIPTION_STATUSES)}`)),
    index("subscriptions_customer_idx").on(t.stripeCustomerId),
    check("subscriptions_status_check", sql.raw(`status in ${sqlList(SUBSCRIPTION_STATUSES)}`)),
    check("subscriptions_quantity_positive", sql`${t.quantity} >= 1`),
    check("subscriptions_amount_nonnegative", sql`${t.unitAmountCents} >= 0`),
    check("subscriptions_period_order", sql`${t.currentPeriodEnd} > ${t.currentPeriodStart}`),
  ],
);

export const invoices = pgTable(
  "invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "restrict" }),
    subscriptionId: uuid("subscription_id").references(() => subscriptions.id, {
      onDelete: "restrict",
    }),
    stripeInvoiceId: text("stripe_invoice_id").notNull(),
    status: text("status", { enum: INVOICE_STATUSES }).notNull(),
    currency: text("currency").notNull().default("usd"),
    amountDueCents: integer("amount_due_cents").notNull(),
    amountPaidCents: integer("amount_paid_cents").notNull().default(0),
    amountRefundedCents: integer("amount_refunded_cents").notNull().default(0),
    /** The subscription period this invoice pays for (from its subscription line). */
    periodStart: timestamptz("period_start").notNull(),
    periodEnd: timestamptz("period_end").notNull(),
    stripeChargeId: text("stripe_charge_id"),
    disputed: boolean("disputed").notNull().default(false),
    paidAt: timestamptz("paid_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("invoices_stripe_id_key").on(t.stripeInvoiceId),
    index("invoices_subscription_period_idx").on(t.subscriptionId, t.periodStart),
    index("invoices_charge_idx").on(t.stripeChargeId),
    check("invoices_status_check", sql.raw(`status in ${sqlList(INVOICE_STATUSES)}`)),
    check(
      "invoices_amounts_nonnegative",
      sql`${t.amountDueCents} >= 0 and ${t.amountPaidCents} >= 0 and ${t.amountRefundedCents} >= 0`,
    ),
    check("invoices_refund_not_above_paid", sql`${t.amountRefundedCents} <= ${t.amountPaidCents}`),
    check("invoices_paid_has_paid_at", sql`${t.status} <> 'paid' or ${t.paidAt} is not null`),
  ],
);

/** Stripe events already applied: the id is written in the same transaction as the event's effect. */
export const processedStripeEvents = pgTable("processed_stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  stripeCreatedAt: timestamptz("stripe_created_at").notNull(),
  processedAt: createdAt(),
});

/** The outcome of an event's latest attempt. */
export const STRIPE_EVENT_LOG_STATUSES = ["processed", "failed", "ignored"] as const;
export type StripeEventLogStatus = (typeof STRIPE_EVENT_LOG_STATUSES)[number];

/**
 * Every verified Stripe event delivered to us (or re-processed by an admin), with the outcome of its latest attempt
 * and the last error. A log for people: exactly-once is still decided by processed_stripe_events alone, and
 * `processed` here is written in the same transaction as that row and the event's effect.
 */
export const stripeEventLog = pgTable(
  "stripe_event_log",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    stripeCreatedAt: timestamptz("stripe_created_at").notNull(),
    status: text("status", { enum: STRIPE_EVENT_LOG_STATUSES }).notNull(),
    /** Attempts that ended in an outcome (failures, then the one that applied it); duplicates are not counted. */
    attempts: integer("attempts").notNull().default(1),
    lastError: text("last_error"),
    receivedAt: timestamptz("received_at").notNull().defaultNow(),
    lastAttemptAt: timestamptz("last_attempt_at").notNull().defaultNow(),
    processedAt: timestamptz("processed_at"),
  },
  (t) => [
    index("stripe_event_log_received_idx").on(t.receivedAt.desc()),
    index("stripe_event_log_status_idx").on(t.status, t.receivedAt.desc()),
    check("stripe_event_log_status_check", sql.raw(`status in ${sqlList(STRIPE_EVENT_LOG_STATUSES)}`)),
    check("stripe_event_log_attempts_positive", sql`${t.attempts} >= 1`),
  ],
);

export type Subscription = typeof subscriptions.$inferSelect;
export type Invoice = typeof invoices.$inferSelect;
