import { invalidRequest, refusedRequest } from "../core/errors";
import { newId } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import type { Account, Metadata, Transfer, TransferReversal } from "../core/types";
import { buildTransfer, buildTransferReversal } from "../objects/connect";
import { canReceiveTransfers } from "./accounts";

export function createTransfer(
  sb: Sandbox,
  input: {
    amount: number;
    currency: string;
    destination: Account;
    description: string | null;
    transferGroup: string | null;
    metadata: Metadata;
  },
): Transfer {
  if (!canReceiveTransfers(input.destination)) {
    throw invalidRequest(
      "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments",
      "destination",
      "insufficient_capabilities_for_transfer",
    );
  }
  if (sb.store.state.failNextTransfers > 0) {
    sb.store.state.failNextTransfers -= 1;
    throw refusedRequest(
      "You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card. See: https://stripe.com/docs/testing#available-balance",
      "balance_insufficient",
    );
  }
  const transfer = buildTransfer({
    id: newId("tr"),
    created: sb.now(),
    amount: input.amount,
    currency: input.currency,
    destination: input.destination.id,
    description: input.description,
    transferGroup: input.transferGroup,
    metadata: input.metadata,
  });
  sb.store.insert("transfers", transfer);
  sb.emit("transfer.created", transfer);
  return transfer;
}

export function reverseTransfer(
  sb: Sandbox,
  transfer: Transfer,
  input: { amount?: number; metadata: Metadata },
): TransferReversal {
  const reversible = transfer.amount - transfer.amount_reversed;
  const amount = input.amount ?? reversible;
  if (reversible === 0) throw invalidRequest(`Transfer ${transfer.id} has already been fully reversed.`, "amount");
  if (amount < 1 || amount > reversible) {
    throw invalidRequest(
      `Reversal amount must be between 1 and ${reversible} (the amount not yet reversed).`,
      "amount",
    );
  }
  const before = sb.view(transfer);
  const reversal = buildTransferReversal({
    id: newId("trr"),
    created: sb.now(),
    transfer,
    amount,
    metadata: input.metadata,
  });
  sb.store.insert("transfer_reversals", reversal);
  transfer.amount_reversed += amount;
  transfer.reversed = transfer.amount_reversed === transfer.amount;
  sb.emit("transfer.reversed", transfer, before);
  return reversal;
}
