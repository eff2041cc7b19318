import "server-only";
import type Stripe from "stripe";
import { flagPayoutForAdmin, getPayoutById, recordPayoutFailure } from "@/db/queries/payouts";
import type { Payout } from "@/db/schema";
import type { Db } from "@/db/types";
import { transferGroupFor, transferIdempotencyKey } from "./keys";
import { logPayoutStep } from "./log";
import { confirmPayoutPaid, recordTransferFailure } from "./settle";

/**
 * Fault injection for tests: each hook runs at one point of an attempt, and an error it throws is not caught, so
 * the run stops there exactly as if the process had been killed at that point.
 */
export type PayoutHooks = {
  /** The payout row and its credits are committed; Stripe has not been called. */
  beforeTransfer?: (payout: Payout) => void | Promise<void>;
  /** Stripe created (or replayed) the transfer; the database does not know yet. */
  afterTransfer?: (payout: Payout, transfer: Stripe.Transfer) => void | Promise<void>;
  /** The payout is written paid. */
  afterConfirm?: (payout: Payout) => void | Promise<void>;
};

export type AttemptOutcome =
  { kind: "paid"; payout: Payout; transferId: string } | { kind: "failed"; payout: Payout; error: string };

/**
 * The transfers already in Stripe for a month, by the payout id in their metadata. Loaded once per month and job,
 * only when a payout row from an earlier job has to be resumed or retried.
 */
export class StripeTransferIndex {
  private readonly months = new Map<string, Promise<Map<string, Stripe.Transfer[]>>>();

  constructor(private readonly stripe: Stripe) {}

  async transfersFor(payout: Payout): Promise<Stripe.Transfer[]> {
    let month = this.months.get(payout.month);
    if (!month) {
      month = this.load(payout.month);
      this.months.set(payout.month, month);
    }
    return (await month).get(payout.id) ?? [];
  }

  private async load(month: string): Promise<Map<string, Stripe.Transfer[]>> {
    const byPayout = new Map<string, Stripe.Transfer[]>();
    for await (const transfer of this.stripe.transfers.list({ transfer_group: transferGroupFor(month), limit: 100 })) {
      // A transfer reversed in full moved no money: the payout it was for is owed again (transfer.reversed).
      if (transfer.reversed) continue;
      const payoutId = transfer.metadata?.payoutId;
      if (payoutId) byPayout.set(payoutId, [...(byPayout.get(payoutId) ?? []), transfer]);
    }
    return byPayout;
  }
}

/**
 * Steps (b) and (c) for one payout row that is processing (its amount and credits were fixed in step (a)).
 *
 * `resumed` marks a row an earlier job created or failed. Its transfer may already exist in Stripe (a job killed
 * after the call, a response lost on the network, an idempotency key older than Stripe's 24 hours), so Stripe is
 * asked first, by transfer group and metadata.payoutId, and a transfer found is confirmed instead of creating
 * another. Only then is a transfer created, with the key of this attempt (keys.ts).
 */
export async function attemptPayoutTransfer(
  db: Db,
  params: {
    payout: Payout;
    destination: string | null;
    stripe: Stripe;
    index: StripeTransferIndex;
    resumed: boolean;
    now: Date;
    hooks?: PayoutHooks;
  },
): Promise<AttemptOutcome> {
  const { payout, stripe, now, hooks } = params;

  if (params.resumed) {
    const existing = await params.index.transfersFor(payout);
    if (existing.length > 0) return settleExistingTransfer(db, payout, existing, now, hooks);
  }

  if (!params.destination) {
    return fail(db, payout, "The creator has no connected Stripe account that can receive transfers.", now);
  }

  await hooks?.beforeTransfer?.(payout);
  const idempotencyKey = transferIdempotencyKey(payout);
  let transfer: Stripe.Transfer;
  try {
    transfer = await stripe.transfers.create(transferParamsFor(payout, params.destination), { idempotencyKey });
  } catch (error) {
    // Whether Stripe ran the request or not, the next attempt uses a new key only after looking the transfer up.
    return fail(db, payout, describeStripeError(error), now, idempotencyKey);
  }
  await hooks?.afterTransfer?.(payout, transfer);
  if (params.resumed) {
    // Stripe answers a repeated key with its first response, so a resumed attempt may get back a transfer that was
    // reversed since (in the dashboard, before this payout recorded it): ask for the transfer as it is now.
    const current = await stripe.transfers.retrieve(transfer.id);
    if (current.amount_reversed > 0) return reversedBeforeRecorded(db, payout, current, now);
  }
  return confirm(db, payout, transfer, now, hooks);
}

/**
 * The payout's transfer was reversed before the payout recorded it: it paid nobody (or not in full). The payout fails
 * for an admin, one more attempt counted so that a retry uses a new idempotency key and pays once.
 */
async function reversedBeforeRecorded(
  db: Db,
  payout: Payout,
  transfer: Stripe.Transfer,
  now: Date,
): Promise<AttemptOutcome> {
  const error = `Transfer ${transfer.id} was reversed in Stripe (${transfer.amount_reversed} of ${transfer.amount} cents) before this payout recorded it: the creator was not paid. Retry to pay again.`;
  const updated = await db.transaction((tx) =>
    recordPayoutFailure(tx, { payoutId: payout.id, error, needsAdmin: true, nextAttemptAt: null, now }),
  );
  logPayoutStep("needs_admin", { payoutId: payout.id, creatorId: payout.creatorId, month: payout.month, error });
  return { kind: "failed", payout: updated ?? payout, error };
}

/**
 * The transfer of a payout. Every value comes from the payout row (fixed in step (a)) and the creator's account,
 * so an attempt resumed under the same idempotency key sends exactly the same request.
 */
export function transferParamsFor(payout: Payout, destination: string): Stripe.TransferCreateParams {
  return {
    amount: payout.amountCents,
    currency: "usd",
    destination,
    transfer_group: transferGroupFor(payout.month),
    description: `Flowtab creator payout ${payout.month}`,
    metadata: { payoutId: payout.id, creatorId: payout.creatorId, month: payout.month },
  };
}

async function settleExistingTransfer(
  db: Db,
  payout: Payout,
  transfers: Stripe.Transfer[],
  now: Date,
  hooks: PayoutHooks | undefined,
): Promise<AttemptOutcome> {
  const [transfer] = transfers;
  if (!transfer) throw new Error(`no existing transfer to settle payout ${payout.id} with`);
  const problem =
    transfers.length > 1
      ? `Stripe holds ${transfers.length} transfers for this payout (${transfers.map((t) => t.id).join(", ")}).`
      : transfer.amount_reversed > 0
        ? `Transfer ${transfer.id} was partly reversed in Stripe.`
        : transfer.amount !== payout.amountCents
          ? `Transfer ${transfer.id} is for ${transfer.amount} cents, the payout for ${payout.amountCents}.`
          : null;
  if (problem) {
    const flagged = await flagPayoutForAdmin(db, { payoutId: payout.id, error: problem, now });
    logPayoutStep("needs_admin", {
      payoutId: payout.id,
      creatorId: payout.creatorId,
      month: payout.month,
      error: problem,
    });
    return { kind: "failed", payout: flagged ?? payout, error: problem };
  }
  logPayoutStep("transfer_found", { payoutId: payout.id, transferId: transfer.id });
  return confirm(db, payout, transfer, now, hooks);
}

async function confirm(
  db: Db,
  payout: Payout,
  transfer: Stripe.Transfer,
  now: Date,
  hooks: PayoutHooks | undefined,
): Promise<AttemptOutcome> {
  const transferId = transfer.id;
  const confirmed = await db.transaction((tx) =>
    confirmPayoutPaid(tx, { payoutId: payout.id, transferId, amountCents: transfer.amount, at: now }),
  );
  if (!confirmed || confirmed.status !== "paid") {
    throw new Error(`Payout ${payout.id} could not be marked paid for transfer ${transferId}.`);
  }
  logPayoutStep("paid", {
    payoutId: payout.id,
    creatorId: payout.creatorId,
    month: payout.month,
    amountCents: payout.amountCents,
    transferId,
  });
  await hooks?.afterConfirm?.(confirmed);
  return { kind: "paid", payout: confirmed, transferId: confirmed.stripeTransferId ?? transferId };
}

async function fail(
  db: Db,
  payout: Payout,
  error: string,
  now: Date,
  idempotencyKey?: string,
): Promise<AttemptOutcome> {
  const updated = await db.transaction((tx) => recordTransferFailure(tx, { payout, error, now }));
  logPayoutStep("transfer_failed", {
    payoutId: payout.id,
    creatorId: payout.creatorId,
    month: payout.month,
    idempotencyKey,
    attempts: updated?.attempts,
    needsAdmin: updated?.needsAdmin,
    error,
  });
  if (!updated) {
    // Not pending/processing any more: the transfer.created webhook confirmed the payout while we were failing it.
    const current = await getPayoutById(db, { payoutId: payout.id });
    if (current?.status === "paid")
      return { kind: "paid", payout: current, transferId: current.stripeTransferId ?? "" };
  }
  return { kind: "failed", payout: updated ?? payout, error };
}

/** A short, safe reason for payouts.last_error: Stripe's code and message, never request details or keys. */
function describeStripeError(error: unknown): string {
  if (error && typeof error === "object" && "type" in error && "message" in error) {
    const e = error as { type?: string; code?: string; message?: string };
    return `${e.code ?? e.type ?? "stripe_error"}: ${e.message ?? "unknown error"}`;
  }
  return error instanceof Error ? error.message : String(error);
}
