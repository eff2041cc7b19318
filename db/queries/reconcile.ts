import { desc, sql } from "drizzle-orm";
import { oneRow, queryRows } from "../rows";
import { reconciliationRuns, type ReconciliationRun } from "../schema";
import type { Executor } from "../types";

// What the reconciliation (lib/ledger/reconcile.ts) reads: one row per period, payout and anomaly, already summed
// in the database. The rules are in lib/; these only read.

const num = (value: unknown) => Number(value ?? 0);

export type LedgerPeriod = {
  subscriptionId: string;
  stripeSubscriptionId: string;
  stripeCustomerId: string;
  subscriptionStatus: string;
  periodStart: Date;
  periodEnd: Date;
  liveCents: number;
  earnedCents: number;
  pendingCents: number;
  stored: { state: string; fundedCents: number; creditedCents: number; invoiceId: string | null } | null;
};

/** Every subscription period with credits, with its sums by status and its credit_periods row. */
export async function listLedgerPeriods(db: Executor): Promise<LedgerPeriod[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select c.subscription_id, s.stripe_subscription_id, s.stripe_customer_id, s.status as subscription_status,
               c.period_start, max(c.period_end) as period_end,
               coalesce(sum(c.amount_cents) filter (where c.status in ('pending', 'earned', 'paid_out')), 0) as live,
               coalesce(sum(c.amount_cents) filter (where c.status in ('earned', 'paid_out')), 0) as earned,
               coalesce(sum(c.amount_cents) filter (where c.status = 'pending'), 0) as pending,
               p.state, p.funded_cents, p.credited_cents, p.invoice_id
        from creator_credits c
        join subscriptions s on s.id = c.subscription_id
        left join credit_periods p on p.subscription_id = c.subscription_id and p.period_start = c.period_start
        group by c.subscription_id, s.stripe_subscription_id, s.stripe_customer_id, s.status, c.period_start,
                 p.state, p.funded_cents, p.credited_cents, p.invoice_id
        order by c.subscription_id, c.period_start`,
  );
  return rows.map((r) => ({
    subscriptionId: String(r.subscription_id),
    stripeSubscriptionId: String(r.stripe_subscription_id),
    stripeCustomerId: String(r.stripe_customer_id),
    subscriptionStatus: String(r.subscription_status),
    periodStart: new Date(r.period_start as string),
    periodEnd: new Date(r.period_end as string),
    liveCents: num(r.live),
    earnedCents: num(r.earned),
    pendingCents: num(r.pending),
    stored:
      r.state === null || r.state === undefined
        ? null
        : {
            state: String(r.state),
            fundedCents: num(r.funded_cents),
            creditedCents: num(r.credited_cents),
            invoiceId: r.invoice_id ? String(r.invoice_id) : null,
          },
  }));
}

export type LedgerInvoice = {
  id: string;
  stripeInvoiceId: string;
  subscriptionId: string;
  status: "draft" | "open" | "paid" | "void" | "uncollectible";
  amountPaidCents: number;
  amountRefundedCents: number;
  disputed: boolean;
  periodStart: Date;
};

/** The invoices of subscriptions that have credits. */
export async function listLedgerInvoices(db: Executor): Promise<LedgerInvoice[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select i.id, i.stripe_invoice_id, i.subscription_id, i.status, i.amount_paid_cents, i.amount_refunded_cents,
               i.disputed, i.period_start
        from invoices i
        where i.subscription_id in (select distinct subscription_id from creator_credits)
        order by i.created_at, i.id`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    stripeInvoiceId: String(r.stripe_invoice_id),
    subscriptionId: String(r.subscription_id),
    status: String(r.status) as LedgerInvoice["status"],
    amountPaidCents: num(r.amount_paid_cents),
    amountRefundedCents: num(r.amount_refunded_cents),
    disputed: Boolean(r.disputed),
    periodStart: new Date(r.period_start as string),
  }));
}

/** Earned or paid-out credits whose invoice is missing, not paid, or bills another period. */
export async function listCreditsWithoutPaidInvoice(db: Executor) {
  return queryRows<{ id: string; status: string; invoice_id: string | null; invoice_status: string | null }>(
    db,
    sql`select c.id, c.status, c.invoice_id, i.status as invoice_status
        from creator_credits c left join invoices i on i.id = c.invoice_id
        where c.status in ('earned', 'paid_out')
          and (i.id is null or i.status <> 'paid' or i.subscription_id <> c.subscription_id
               or i.period_start <> c.period_start)
        order by c.id`,
  );
}

/** Users whose live credits in one period pass the per-period cap. */
export async function listSubscriberPeriodsOver(db: Executor, params: { capCents: number }) {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select subscriber_id, period_start, sum(amount_cents) as cents
        from creator_credits where status in ('pending', 'earned', 'paid_out')
        group by subscriber_id, period_start having sum(amount_cents) > ${params.capCents}
        order by subscriber_id, period_start`,
  );
  return rows.map((r) => ({
    subscriberId: String(r.subscriber_id),
    periodStart: new Date(r.period_start as string),
    cents: num(r.cents),
  }));
}

/** Usage counters that disagree with the copies they count. */
export async function listUsageMismatches(db: Executor) {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select coalesce(u.user_id, a.user_id) as user_id, coalesce(u.period_start, a.period_start) as period_start,
               u.copies, u.paid_copies, a.n, a.paid
        from copy_period_usage u
        full join (select user_id, period_start, count(*) as n, count(*) filter (where counted_for_payout) as paid
                   from copy_events group by 1, 2) a
          on a.user_id = u.user_id and a.period_start = u.period_start
        where a.n is distinct from u.copies or a.paid is distinct from u.paid_copies`,
  );
  return rows.map((r) => ({
    userId: String(r.user_id),
    periodStart: new Date(r.period_start as string),
    stored: { copies: num(r.copies), paidCopies: num(r.paid_copies) },
    counted: { copies: num(r.n), paidCopies: num(r.paid) },
  }));
}

export type LedgerPayout = {
  id: string;
  creatorId: string;
  month: string;
  status: string;
  amountCents: number;
  heldCents: number;
  deductedCents: number;
  earnedHeld: number;
  paidOutHeld: number;
  stripeTransferId: string | null;
  stripeAccountId: string | null;
};

/** Every payout with what it holds and deducts, and its creator's connected account. */
export async function listLedgerPayouts(db: Executor): Promise<LedgerPayout[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select p.id, p.creator_id, p.month, p.status, p.amount_cents, p.stripe_transfer_id, a.stripe_account_id,
               coalesce((select sum(amount_cents) from creator_credits c where c.payout_id = p.id), 0) as held,
               coalesce((select sum(amount_cents) from creator_credits c where c.deducted_in_payout_id = p.id), 0) as deducted,
               (select count(*) from creator_credits c where c.payout_id = p.id and c.status = 'earned') as earned_held,
               (select count(*) from creator_credits c where c.payout_id = p.id and c.status = 'paid_out') as paid_out_held
        from payouts p left join creator_stripe_accounts a on a.user_id = p.creator_id
        order by p.month, p.creator_id`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    creatorId: String(r.creator_id),
    month: String(r.month),
    status: String(r.status),
    amountCents: num(r.amount_cents),
    heldCents: num(r.held),
    deductedCents: num(r.deducted),
    earnedHeld: num(r.earned_held),
    paidOutHeld: num(r.paid_out_held),
    stripeTransferId: r.stripe_transfer_id ? String(r.stripe_transfer_id) : null,
    stripeAccountId: r.stripe_account_id ? String(r.stripe_account_id) : null,
  }));
}

/** The connected accounts we know, by Stripe account id (a transfer to another account is nobody's payout). */
export async function listCreatorAccountIds(db: Executor) {
  return queryRows<{ user_id: string; stripe_account_id: string }>(
    db,
    sql`select user_id, stripe_account_id from creator_stripe_accounts`,
  );
}

export async function insertReconciliationRun(
  db: Executor,
  run: Omit<ReconciliationRun, "id" | "createdAt">,
): Promise<ReconciliationRun> {
  return oneRow(await db.insert(reconciliationRuns).values(run).returning(), "reconciliation run");
}

export async function getLatestReconciliationRun(db: Executor): Promise<ReconciliationRun | null> {
  const [row] = await db.select().from(reconciliationRuns).orderBy(desc(reconciliationRuns.startedAt)).limit(1);
  return row ?? null;
}
