import "server-only";
import type Stripe from "stripe";
import type { LedgerInvoice, LedgerPayout, LedgerPeriod } from "@/db/queries/reconcile";
import { fundingCents } from "@/lib/billing/credit-settlement";
import { idOf } from "@/lib/billing/stripe-client";
import { transferGroupFor } from "@/lib/payouts/keys";
import type { Violation } from "./types";

// The ledger against Stripe (or the sandbox): what our invoices say was paid, refunded and disputed, and what our
// payouts say was transferred, must be what Stripe holds.

/** Dispute statuses in which the disputed funds are out of the balance (an inquiry moves none). */
const FUNDS_WITHDRAWN = new Set(["needs_response", "under_review", "lost"]);

type StripeInvoiceFacts = { status: string; amountPaid: number; refunded: number; withdrawn: boolean };

const CUSTOMERS_AT_ONCE = 4;

/** Per customer: its invoices in Stripe, and for each paid one what its charge had refunded or disputed. */
async function invoiceFacts(stripe: Stripe, customerIds: string[]): Promise<Map<string, StripeInvoiceFacts>> {
  const facts = new Map<string, StripeInvoiceFacts>();
  const queue = [...customerIds];
  const readCustomer = async (customer: string) => {
    const charges = new Map<string, Stripe.Charge>();
    for await (const charge of stripe.charges.list({ customer, limit: 100 })) {
      const paymentIntent = idOf(charge.payment_intent);
      if (paymentIntent && charge.status === "succeeded") charges.set(paymentIntent, charge);
    }
    for await (const invoice of stripe.invoices.list({ customer, limit: 100 })) {
      let refunded = 0;
      let withdrawn = false;
      // Without a succeeded charge nothing was refunded or disputed (history imported from elsewhere is paid so).
      if (invoice.status === "paid" && invoice.amount_paid > 0 && charges.size > 0) {
        const payments = await stripe.invoicePayments.list({ invoice: invoice.id, limit: 10 });
        for (const payment of payments.data) {
          const charge = charges.get(idOf(payment.payment.payment_intent as string | { id: string } | null) ?? "");
          if (!charge) continue;
          refunded += charge.amount_refunded;
          if (charge.disputed) {
            const disputes = await stripe.disputes.list({ charge: charge.id, limit: 10 });
            withdrawn ||= disputes.data.some((d) => FUNDS_WITHDRAWN.has(d.status));
          }
        }
      }
      facts.set(invoice.id, {
        status: invoice.status ?? "draft",
        amountPaid: invoice.amount_paid,
        refunded,
        withdrawn,
      });
    }
  };
  // A few customers at a time: quicker, and well inside Stripe's rate limits.
  await Promise.all(
    Array.from({ length: CUSTOMERS_AT_ONCE }, async () => {
      for (let customer = queue.shift(); customer; customer = queue.shift()) await readCustomer(customer);
    }),
  );
  return facts;
}

/** Our invoices are Stripe's (status, paid, refunded, disputed) and every period's credits fit what Stripe says was paid. */
export async function checkInvoicesInStripe(
  stripe: Stripe,
  periods: LedgerPeriod[],
  invoices: LedgerInvoice[],
): Promise<{ violations: Violation[]; checked: number }> {
  const customers = [...new Set(periods.map((p) => p.stripeCustomerId))].sort();
  const facts = await invoiceFacts(stripe, customers);
  const violations: Violation[] = [];
  const stripePaid = new Map<string, number>();
  for (const i of invoices) {
    const row = `invoice ${i.stripeInvoiceId}`;
    const f = facts.get(i.stripeInvoiceId);
    if (!f) {
      violations.push({ check: "invoice_in_stripe", row, message: "not found in Stripe" });
      continue;
    }
    if (f.status !== i.status) {
      violations.push({ check: "invoice_in_stripe", row, message: `${i.status} here, ${f.status} in Stripe` });
    }
    if (f.status === "paid") {
      if (f.amountPaid !== i.amountPaidCents || f.refunded !== i.amountRefundedCents || f.withdrawn !== i.disputed) {
        violations.push({
          check: "invoice_in_stripe",
          row,
          message: `paid ${i.amountPaidCents}, refunded ${i.amountRefundedCents}, disputed ${i.disputed} here; Stripe says paid ${f.amountPaid}, refunded ${f.refunded}, funds withdrawn ${f.withdrawn}`,
        });
      }
      const key = `${i.subscriptionId}|${i.periodStart.toISOString()}`;
      const net = f.withdrawn ? 0 : Math.max(0, f.amountPaid - f.refunded);
      stripePaid.set(key, (stripePaid.get(key) ?? 0) + net);
    }
  }
  for (const p of periods) {
    const key = `${p.subscriptionId}|${p.periodStart.toISOString()}`;
    const funded = fundingCents(stripePaid.get(key) ?? 0);
    const row = `subscription ${p.stripeSubscriptionId} period ${p.periodStart.toISOString()}`;
    if (p.earnedCents > funded) {
      violations.push({
        check: "period_over_funding_in_stripe",
        row,
        message: `earned credits ${p.earnedCents} cents exceed 70% of what Stripe says was paid net of refunds (${funded} cents)`,
      });
    }
    if (p.pendingCents > 0 && stripePaid.has(key)) {
      violations.push({
        check: "pending_without_reason",
        row,
        message: `pending credits ${p.pendingCents} cents, but Stripe has the period paid`,
      });
    }
  }
  return { violations, checked: facts.size };
}

/**
 * Every paid payout is its Stripe transfer (amount, destination, not reversed); each month's transfers pay each
 * creator at most once, and only through a paid payout.
 */
export async function checkTransfersInStripe(
  stripe: Stripe,
  payouts: LedgerPayout[],
  accounts: { user_id: string; stripe_account_id: string }[],
): Promise<{ violations: Violation[]; checked: number }> {
  const violations: Violation[] = [];
  const creatorOfAccount = new Map(accounts.map((a) => [a.stripe_account_id, a.user_id]));
  const paidById = new Map(payouts.filter((p) => p.status === "paid").map((p) => [p.id, p]));
  let checked = 0;
  const byCreatorMonth = new Map<string, Stripe.Transfer[]>();
  for await (const transfer of stripe.transfers.list({ limit: 100 })) {
    const group = transfer.transfer_group ?? "";
    if (!group.startsWith(transferGroupFor(""))) continue; // not a payout of ours
    checked += 1;
    if (transfer.amount - transfer.amount_reversed === 0) continue; // reversed in full: moved no money
    const creator = transfer.metadata?.creatorId ?? creatorOfAccount.get(idOf(transfer.destination) ?? "") ?? "?";
    const key = `creator ${creator} ${group.slice(transferGroupFor("").length)}`;
    byCreatorMonth.set(key, [...(byCreatorMonth.get(key) ?? []), transfer]);
    const payout = paidById.get(transfer.metadata?.payoutId ?? "");
    if (!payout || payout.stripeTransferId !== transfer.id) {
      violations.push({
        check: "transfer_without_paid_payout",
        row: `transfer ${transfer.id} (${group})`,
        message: `${transfer.amount - transfer.amount_reversed} cents transferred, but no paid payout records this transfer`,
      });
    }
  }
  for (const [row, transfers] of byCreatorMonth) {
    if (transfers.length > 1) {
      violations.push({
        check: "paid_twice",
        row,
        message: `paid ${transfers.length} times: ${transfers.map((t) => `${t.id} (${t.amount - t.amount_reversed} cents)`).join(", ")}`,
      });
    }
  }
  for (const payout of paidById.values()) {
    const row = `payout ${payout.id} (creator ${payout.creatorId}, ${payout.month})`;
    const transfer = payout.stripeTransferId
      ? await stripe.transfers.retrieve(payout.stripeTransferId).catch(() => null)
      : null;
    if (!transfer) {
      violations.push({
        check: "payout_transfer",
        row,
        message: `transfer ${payout.stripeTransferId} not found in Stripe`,
      });
      continue;
    }
    const problems = [
      transfer.amount !== payout.amountCents
        ? `is for ${transfer.amount} cents, the payout for ${payout.amountCents}`
        : null,
      transfer.amount_reversed > 0 ? `was reversed (${transfer.amount_reversed} cents)` : null,
      idOf(transfer.destination) !== payout.stripeAccountId
        ? `went to ${idOf(transfer.destination)}, not the creator's account`
        : null,
    ].filter(Boolean);
    if (problems.length > 0) {
      violations.push({ check: "payout_transfer", row, message: `transfer ${transfer.id} ${problems.join("; ")}` });
    }
  }
  return { violations, checked };
}
