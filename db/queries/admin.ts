import { and, asc, count, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import {
  copyEvents,
  creatorCredits,
  emailOutbox,
  flowReports,
  flows,
  invoices,
  payouts,
  processedStripeEvents,
  subscriptions,
  users,
} from "../schema";
import type { Executor } from "../types";

// The platform admin console's reads. Callers check users.is_admin first; these never filter by tenant.

type StatusCount = { status: string; count: number; cents: number };

export type AdminOverview = {
  subscriptionsByStatus: StatusCount[];
  /** Seats in live subscriptions (trialing, active, past_due). */
  liveSeats: number;
  copiesThisMonth: { total: number; qualifying: number };
  /** Paid invoices this month, net of refunds. */
  revenueThisMonthCents: number;
  creditsByStatus: StatusCount[];
  payoutsByStatus: StatusCount[];
  payoutsNeedingAdmin: number;
  emailsByStatus: StatusCount[];
};

const asInt = (value: unknown) => Number(value ?? 0);

/** Counts for the console's header, for the UTC month [monthStart, monthEnd). Money in cents. */
export async function getAdminOverview(
  db: Executor,
  params: { monthStart: Date; monthEnd: Date },
): Promise<AdminOverview> {
  const inMonth = (column: PgColumn) => and(gte(column, params.monthStart), lt(column, params.monthEnd));
  const [subs, seats, copies, revenue, credits, payoutRows, needsAdmin, emails] = await Promise.all([
    db
      .select({ status: subscriptions.status, count: count() })
      .from(subscriptions)
      .groupBy(subscriptions.status)
      .orderBy(subscriptions.status),
    db
      .select({ seats: sql<number>`coalesce(sum(${subscriptions.quantity}), 0)::int` })
      .from(subscriptions)
      .where(sql`${subscriptions.status} in ('trialing', 'active', 'past_due')`),
    db
      .select({ total: count(), qualifying: sql<number>`count(*) filter (where ${copyEvents.countedForPayout})::int` })
      .from(copyEvents)
      .where(inMonth(copyEvents.createdAt)),
    db
      .select({
        cents: sql<number>`coalesce(sum(${invoices.amountPaidCents} - ${invoices.amountRefundedCents}), 0)::int`,
      })
      .from(invoices)
      .where(and(eq(invoices.status, "paid"), inMonth(invoices.paidAt))),
    db
      .select({
        status: creatorCredits.status,
        count: count(),
        cents: sql<number>`coalesce(sum(${creatorCredits.amountCents}), 0)::int`,
      })
      .from(creatorCredits)
      .groupBy(creatorCredits.status)
      .orderBy(creatorCredits.status),
    db
      .select({
        status: payouts.status,
        count: count(),
        cents: sql<number>`coalesce(sum(${payouts.amountCents}), 0)::int`,
      })
      .from(payouts)
      .groupBy(payouts.status)
      .orderBy(payouts.status),
    db.select({ count: count() }).from(payouts).where(eq(payouts.needsAdmin, true)),
    db
      .select({ status: emailOutbox.status, count: count() })
      .from(emailOutbox)
      .groupBy(emailOutbox.status)
      .orderBy(emailOutbox.status),
  ]);
  return {
    subscriptionsByStatus: subs.map((r) => ({ status: r.status, count: asInt(r.count), cents: 0 })),
    liveSeats: asInt(seats[0]?.seats),
    copiesThisMonth: { total: asInt(copies[0]?.total), qualifying: asInt(copies[0]?.qualifying) },
    revenueThisMonthCents: asInt(revenue[0]?.cents),
    creditsByStatus: credits.map((r) => ({ status: r.status, count: asInt(r.count), cents: asInt(r.cents) })),
    payoutsByStatus: payoutRows.map((r) => ({ status: r.status, count: asInt(r.count), cents: asInt(r.cents) })),
    payoutsNeedingAdmin: asInt(needsAdmin[0]?.count),
    emailsByStatus: emails.map((r) => ({ status: r.status, count: asInt(r.count), cents: 0 })),
  };
}

export async function listRecentStripeEvents(db: Executor, params: { limit: number }) {
  return db.select().from(processedStripeEvents).orderBy(desc(processedStripeEvents.processedAt)).limit(params.limit);
}

/** Reported flows, open reports first, newest first. */
export async function listFlowReports(db: Executor, params: { limit: number }) {
  return db
    .select({
      id: flowReports.id,
      reason: flowReports.reason,
      details: flowReports.details,
      createdAt: flowReports.createdAt,
      resolvedAt: flowReports.resolvedAt,
      flowTitle: flows.title,
      flowSlug: flows.slug,
      flowStatus: flows.status,
      reporterEmail: users.email,
    })
    .from(flowReports)
    .innerJoin(flows, eq(flows.id, flowReports.flowId))
    .innerJoin(users, eq(users.id, flowReports.reporterId))
    .orderBy(sql`${flowReports.resolvedAt} is not null`, desc(flowReports.createdAt))
    .limit(params.limit);
}

export async function countOpenFlowReports(db: Executor) {
  const [row] = await db
    .select({ count: count() })
    .from(flowReports)
    .where(sql`${flowReports.resolvedAt} is null`);
  return asInt(row?.count);
}

/** One page of the email outbox, newest first, without the bodies. */
export async function listOutboxPage(db: Executor, params: { page: number; pageSize: number }) {
  const [items, total] = await Promise.all([
    db
      .select({
        id: emailOutbox.id,
        toAddress: emailOutbox.toAddress,
        kind: emailOutbox.kind,
        subject: emailOutbox.subject,
        status: emailOutbox.status,
        error: emailOutbox.error,
        createdAt: emailOutbox.createdAt,
        sentAt: emailOutbox.sentAt,
      })
      .from(emailOutbox)
      .orderBy(desc(emailOutbox.createdAt), asc(emailOutbox.id))
      .limit(params.pageSize)
      .offset((params.page - 1) * params.pageSize),
    db.select({ count: count() }).from(emailOutbox),
  ]);
  return { items, total: asInt(total[0]?.count) };
}

export async function getOutboxEmail(db: Executor, params: { id: string }) {
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, params.id));
  return row ?? null;
}
