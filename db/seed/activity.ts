import { sql } from "drizzle-orm";
import { CREATOR_SHARE_PERCENT } from "@/lib/plans";
import { copyEvents, copyPeriodUsage, creatorCredits, payouts } from "../schema";
import type { Tx } from "../types";
import { chunks, must } from "./batch";
import type { ActivityPlan, PlannedCredit } from "./activity-plan";
import type { FlowRef } from "./catalog";
import type { BillingIds } from "./demo-billing";
import type { UserIds } from "./users-and-tenants";

/**
 * Writes copies, usage, credits and the demo creator's payout. Credits are written only for copy events this run
 * inserted, so a second run (or a copy the app recorded first) never produces a credit without its own copy.
 */
export async function writeActivity(
  tx: Tx,
  plan: ActivityPlan,
  ids: { people: ReadonlyMap<string, UserIds>; flows: ReadonlyMap<string, FlowRef>; billing: BillingIds },
): Promise<void> {
  const inserted = new Set<string>();
  for (const batch of chunks(plan.copies)) {
    const rows = await tx
      .insert(copyEvents)
      .values(
        batch.map((c) => {
          const flow = must(ids.flows, c.flow.slug, "flow");
          const period = c.subscription.periods[c.periodIndex];
          return {
            id: c.id,
            userId: must(ids.people, c.subscription.email, "subscriber").userId,
            tenantId: must(ids.people, c.subscription.email, "subscriber").tenantId,
            flowId: flow.id,
            creatorId: flow.creatorId,
            subscriptionId: must(ids.billing.subscriptions, c.subscription.stripeSubscriptionId, "subscription").id,
            periodStart: period.start,
            periodEnd: period.end,
            countedForPayout: c.countedForPayout,
            source: "web" as const,
            createdAt: c.createdAt,
          };
        }),
      )
      .onConflictDoNothing()
      .returning({ id: copyEvents.id });
    for (const r of rows) inserted.add(r.id);
  }

  for (const batch of chunks(plan.usage)) {
    await tx
      .insert(copyPeriodUsage)
      .values(
        batch.map((u) => ({
          userId: must(ids.people, u.email, "subscriber").userId,
          periodStart: u.period.start,
          periodEnd: u.period.end,
          copies: u.copies,
          paidCopies: u.paidCopies,
          updatedAt: u.updatedAt,
        })),
      )
      .onConflictDoNothing();
  }

  const credits = plan.credits.filter((c) => inserted.has(c.copy.id));
  const payoutId = await writePayout(tx, plan, credits, ids.people);
  for (const batch of chunks(credits)) {
    await tx
      .insert(creatorCredits)
      .values(
        batch.map((c) => {
          const paidOut = c.status === "paid_out" && payoutId !== null;
          return {
            id: c.id,
            creatorId: must(ids.flows, c.copy.flow.slug, "flow").creatorId,
            copyEventId: c.copy.id,
            subscriberId: must(ids.people, c.copy.subscription.email, "subscriber").userId,
            subscriptionId: must(ids.billing.subscriptions, c.copy.subscription.stripeSubscriptionId, "subscription")
              .id,
            invoiceId: c.invoiceStripeId ? must(ids.billing.invoices, c.invoiceStripeId, "invoice") : null,
            periodStart: c.copy.subscription.periods[c.copy.periodIndex].start,
            periodEnd: c.copy.subscription.periods[c.copy.periodIndex].end,
            amountCents: c.amountCents,
            // A payout row that already existed is never topped up: its credits stay earned for the next run.
            status: c.status === "paid_out" && !paidOut ? ("earned" as const) : c.status,
            payoutId: paidOut ? payoutId : null,
            earnedAt: c.earnedAt,
            createdAt: c.copy.createdAt,
            updatedAt: c.updatedAt,
          };
        }),
      )
      .onConflictDoNothing();
  }
  await writeCreditPeriods(tx);
}

/**
 * What each period with credits is funded by, as the credit lifecycle keeps it: paid periods fund 70% of their
 * invoice; the open one of a past-due subscriber funds nothing yet. From the rows in the database, so a period
 * whose copies the app recorded first still agrees with its credits.
 */
async function writeCreditPeriods(tx: Tx): Promise<void> {
  await tx.execute(sql`
    insert into credit_periods (subscription_id, period_start, period_end, state, invoice_id, funded_cents, credited_cents)
    select c.subscription_id, c.period_start, max(c.period_end),
           case when i.id is null then 'unpaid' else 'paid' end, i.id,
           coalesce(floor(i.amount_paid_cents * ${CREATOR_SHARE_PERCENT}::int / 100), 0)::int,
           coalesce(sum(c.amount_cents) filter (where c.status in ('pending', 'earned', 'paid_out')), 0)::int
    from creator_credits c
    left join invoices i on i.subscription_id = c.subscription_id and i.period_start = c.period_start and i.status = 'paid'
    where c.deducted_in_payout_id is null
    group by c.subscription_id, c.period_start, i.id, i.amount_paid_cents
    on conflict do nothing`);
}

/** Last month's payout of the demo creator: exactly the sum of the credits it pays. Null if nothing to pay now. */
async function writePayout(
  tx: Tx,
  plan: ActivityPlan,
  credits: readonly PlannedCredit[],
  people: ReadonlyMap<string, UserIds>,
): Promise<string | null> {
  const paying = credits.filter((c) => c.status === "paid_out");
  if (paying.length === 0) return null;
  const { payout } = plan;
  const rows = await tx
    .insert(payouts)
    .values({
      id: payout.id,
      creatorId: must(people, payout.creatorEmail, "creator").userId,
      month: payout.month,
      amountCents: paying.reduce((sum, c) => sum + c.amountCents, 0),
      status: "paid",
      stripeTransferId: payout.stripeTransferId,
      attempts: 1,
      paidAt: payout.paidAt,
      createdAt: payout.createdAt,
      updatedAt: payout.paidAt,
    })
    .onConflictDoNothing()
    .returning({ id: payouts.id });
  return rows[0]?.id ?? null;
}
