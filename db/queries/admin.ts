import { and, asc, count, desc, eq, gte, ilike, lt, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { creatorCredits, emailOutbox, invoices, payouts } from "../schema";
import type { Executor } from "../types";
import { containsPattern } from "./like";

// The platform admin console's reads. Callers check users.is_admin first; these never filter by tenant.

type StatusCount = { status: string; count: number; cents: number };

export type AdminOverview = {
  /** Paid invoices this month, net of refunds. */
  revenueThisMonthCents: number;
  creditsByStatus: StatusCount[];
  payoutsByStatus: StatusCount[];
  payoutsNeedingAdmin: number;
  emailsByStatus: StatusCount[];
};

const asInt = (value: unknown) => Number(value ?? 0);

/** Money and mail for the console, for the UTC month [monthStart, monthEnd). Money in cents. */
export async function getAdminOverview(
  db: Executor,
  params: { monthStart: Date; monthEnd: Date },
): Promise<AdminOverview> {
  const inMonth = (column: PgColumn) => and(gte(column, params.monthStart), lt(column, params.monthEnd));
  const [revenue, credits, payoutRows, needsAdmin, emails] = await Promise.all([
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
    revenueThisMonthCents: asInt(revenue[0]?.cents),
    creditsByStatus: credits.map((r) => ({ status: r.status, count: asInt(r.count), cents: asInt(r.cents) })),
    payoutsByStatus: payoutRows.map((r) => ({ status: r.status, count: asInt(r.count), cents: asInt(r.cents) })),
    payoutsNeedingAdmin: asInt(needsAdmin[0]?.count),
    emailsByStatus: emails.map((r) => ({ status: r.status, count: asInt(r.count), cents: 0 })),
  };
}

/**
 * One page of the email outbox, newest first, without the bodies; `to`: only messages whose recipient contains it
 * (support: "I never got the email").
 */
export async function listOutboxPage(db: Executor, params: { page: number; pageSize: number; to?: string }) {
  const where = params.to ? ilike(emailOutbox.toAddress, containsPattern(params.to)) : undefined;
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
      .where(where)
      .orderBy(desc(emailOutbox.createdAt), asc(emailOutbox.id))
      .limit(params.pageSize)
      .offset((params.page - 1) * params.pageSize),
    db.select({ count: count() }).from(emailOutbox).where(where),
  ]);
  return { items, total: asInt(total[0]?.count) };
}

export async function getOutboxEmail(db: Executor, params: { id: string }) {
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, params.id));
  return row ?? null;
}
