import { z } from "zod";
import { periodLines } from "../billing/lines";
import { newId } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import { buildAccount, buildTransfer } from "../objects/connect";
import { buildInvoice, buildInvoiceLine } from "../objects/invoice";
import { completeOnboarding } from "../connect/accounts";
import { ControlError } from "./errors";

// The history `POST /_sandbox/import` brings along with customers and subscriptions: their invoices (paid, or open
// for a past-due subscription), connected accounts and the transfers already made to them. Nothing is emitted.

const unix = z.int().positive();
const metadata = z.record(z.string(), z.string()).optional();

export const invoiceInput = z
  .strictObject({
    id: z.string().regex(/^in_\w+$/, "an invoice id starts with in_"),
    subscription: z.string(),
    status: z.enum(["paid", "open"]),
    /** The period its subscription line bills. */
    period_start: unix,
    period_end: unix,
    created: unix.optional(),
    paid_at: unix.nullable().optional(),
  })
  .refine((i) => i.period_end > i.period_start, {
    error: "period_end must be after period_start",
    path: ["period_end"],
  });

export const accountInput = z.strictObject({
  id: z.string().regex(/^acct_\w+$/, "an account id starts with acct_"),
  email: z.string().nullable().optional(),
  created: unix.optional(),
  metadata,
  /** Finished onboarding: transfers active, payouts enabled (the default). */
  onboarded: z.boolean().default(true),
});

export const transferInput = z.strictObject({
  id: z.string().regex(/^tr_\w+$/, "a transfer id starts with tr_"),
  amount: z.int().positive(),
  destination: z.string(),
  transfer_group: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  created: unix.optional(),
  metadata,
});

/** An invoice for one period of an imported subscription, with the line Stripe would have billed. */
export function importInvoice(sb: Sandbox, input: z.output<typeof invoiceInput>): void {
  const subscription = sb.store.get("subscriptions", input.subscription);
  if (!subscription) {
    throw new ControlError(
      400,
      `invoices: ${input.id} names subscription ${input.subscription}, which does not exist.`,
    );
  }
  const customer = sb.require("customers", subscription.customer);
  const period = { start: input.period_start, end: input.period_end };
  const created = input.created ?? input.period_start;
  const lines = periodLines(sb, subscription, period, false).map((line) =>
    buildInvoiceLine({ id: newId("il"), invoice: input.id, subscription: subscription.id, line }),
  );
  const invoice = buildInvoice({
    id: input.id,
    created,
    customer,
    subscription,
    billingReason: "subscription_cycle",
    lines,
    period,
  });
  invoice.number = `${customer.invoice_prefix}-${String(customer.next_invoice_sequence).padStart(4, "0")}`;
  customer.next_invoice_sequence += 1;
  invoice.status = input.status;
  invoice.effective_at = created;
  invoice.status_transitions.finalized_at = created;
  invoice.attempted = true;
  invoice.attempt_count = 1;
  if (input.status === "paid") {
    invoice.amount_paid = invoice.amount_due;
    invoice.amount_remaining = 0;
    invoice.status_transitions.paid_at = input.paid_at ?? created;
  }
  sb.store.insert("invoices", invoice);
  // The newest period's invoice is the subscription's latest (what a payment of it updates).
  const latest = subscription.latest_invoice ? sb.store.get("invoices", subscription.latest_invoice) : undefined;
  const startOf = (i: { lines: { data: { period: { start: number } }[] } }) => i.lines.data[0]?.period.start ?? 0;
  if (!latest || startOf(latest) <= startOf(invoice)) subscription.latest_invoice = invoice.id;
}

export function importAccount(sb: Sandbox, input: z.output<typeof accountInput>): void {
  const account = buildAccount({
    id: input.id,
    created: input.created ?? sb.now(),
    type: "express",
    country: "US",
    email: input.email ?? null,
    requestedCapabilities: ["transfers"],
    metadata: input.metadata ?? {},
  });
  sb.store.insert("accounts", account);
  if (input.onboarded)
    completeOnboarding(sb, account, { name: input.email ?? input.id, country: "US" }, { emit: false });
}

export function importTransfer(sb: Sandbox, input: z.output<typeof transferInput>): void {
  if (!sb.store.get("accounts", input.destination)) {
    throw new ControlError(400, `transfers: ${input.id} names account ${input.destination}, which does not exist.`);
  }
  sb.store.insert(
    "transfers",
    buildTransfer({
      id: input.id,
      created: input.created ?? sb.now(),
      amount: input.amount,
      currency: "usd",
      destination: input.destination,
      description: input.description ?? null,
      transferGroup: input.transfer_group ?? null,
      metadata: input.metadata ?? {},
    }),
  );
}
