import "server-only";
import type Stripe from "stripe";
import { getCreatorAccountByStripeId, upsertCreatorAccount } from "@/db/queries/creator-accounts";
import { recordReversedTransfer } from "@/db/queries/payout-transfers";
import { confirmPayoutPaid } from "@/lib/payouts/settle";
import type { EventHandler } from "./types";

/** account.updated: re-read the connected account and store what the dashboard shows and payouts check. */
export const onAccountUpdated: EventHandler = async (event, stripe) => {
  const account = await stripe.accounts.retrieve((event.data.object as Stripe.Account).id);
  return async (tx) => {
    const existing = await getCreatorAccountByStripeId(tx, { stripeAccountId: account.id });
    const userId = existing?.userId ?? account.metadata?.userId;
    if (!userId) return; // Not an account Flowtab created.
    await upsertCreatorAccount(tx, {
      userId,
      stripeAccountId: account.id,
      detailsSubmitted: account.details_submitted ?? false,
      chargesEnabled: account.charges_enabled ?? false,
      payoutsEnabled: account.payouts_enabled ?? false,
      transfersCapability: account.capabilities?.transfers ?? "inactive",
      requirementsDue: account.requirements?.currently_due ?? [],
    });
  };
};

/**
 * transfer.created: confirm the payout it belongs to (metadata.payoutId, set when we created it), if the transfer
 * is for the payout's amount and no admin was asked to look at the payout.
 */
export const onTransferCreated: EventHandler = async (event, stripe) => {
  const transfer = await stripe.transfers.retrieve((event.data.object as Stripe.Transfer).id);
  return async (tx) => {
    const payoutId = transfer.metadata?.payoutId;
    if (!payoutId || transfer.amount_reversed > 0) return;
    await confirmPayoutPaid(tx, {
      payoutId,
      transferId: transfer.id,
      amountCents: transfer.amount,
      at: new Date(transfer.created * 1000),
    });
  };
};

/** transfer.reversed: a fully reversed transfer paid nobody: its payout is owed again (see recordReversedTransfer). */
export const onTransferReversed: EventHandler = async (event, stripe, now) => {
  const transfer = await stripe.transfers.retrieve((event.data.object as Stripe.Transfer).id);
  return async (tx) => {
    if (transfer.amount_reversed === 0) return;
    await recordReversedTransfer(tx, {
      transferId: transfer.id,
      fully: transfer.amount_reversed >= transfer.amount,
      at: now,
    });
  };
};
