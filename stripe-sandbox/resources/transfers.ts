import { z } from "zod";
import { createTransfer, reverseTransfer } from "../connect/transfers";
import { resourceMissing } from "../core/errors";
import { listView } from "../http/lists";
import {
  inRange,
  mergeMetadata,
  metadata,
  pagination,
  parseParams,
  positiveInteger,
  range,
  text,
} from "../http/params";
import type { ApiRoute } from "./route";

const createParams = z.strictObject({
  amount: positiveInteger,
  currency: text.transform((currency) => currency.toLowerCase()),
  destination: text,
  transfer_group: text.optional(),
  description: text.optional(),
  metadata: metadata.optional(),
});
const listParams = z.strictObject({
  ...pagination,
  destination: text.optional(),
  transfer_group: text.optional(),
  created: range.optional(),
});
const reversalParams = z.strictObject({
  amount: positiveInteger.optional(),
  description: text.optional(),
  metadata: metadata.optional(),
});

export const transferRoutes: ApiRoute[] = [
  {
    method: "POST",
    path: "/v1/transfers",
    handler: ({ sb, params }) => {
      const p = parseParams(createParams, params);
      const destination = sb.store.get("accounts", p.destination);
      if (!destination) throw resourceMissing("destination", p.destination, "destination");
      const transfer = createTransfer(sb, {
        amount: p.amount,
        currency: p.currency,
        destination,
        description: p.description ?? null,
        transferGroup: p.transfer_group ?? null,
        metadata: mergeMetadata({}, p.metadata),
      });
      return sb.view(transfer);
    },
  },
  { method: "GET", path: "/v1/transfers/:id", handler: ({ sb, path }) => sb.view(sb.require("transfers", path.id)) },
  {
    method: "GET",
    path: "/v1/transfers",
    handler: ({ sb, params }) => {
      const p = parseParams(listParams, params);
      const transfers = sb.store
        .all("transfers")
        .filter(
          (transfer) =>
            (p.destination === undefined || transfer.destination === p.destination) &&
            (p.transfer_group === undefined || transfer.transfer_group === p.transfer_group) &&
            inRange(transfer.created, p.created),
        );
      return listView(sb, transfers, p, "/v1/transfers");
    },
  },
  {
    method: "POST",
    path: "/v1/transfers/:id/reversals",
    handler: ({ sb, params, path }) => {
      const p = parseParams(reversalParams, params);
      const transfer = sb.require("transfers", path.id);
      return sb.view(reverseTransfer(sb, transfer, { amount: p.amount, metadata: mergeMetadata({}, p.metadata) }));
    },
  },
  {
    method: "GET",
    path: "/v1/transfers/:id/reversals",
    handler: ({ sb, params, path }) => {
      const p = parseParams(z.strictObject(pagination), params);
      const transfer = sb.require("transfers", path.id);
      const reversals = sb.store.all("transfer_reversals").filter((reversal) => reversal.transfer === transfer.id);
      return listView(sb, reversals, p, `/v1/transfers/${transfer.id}/reversals`);
    },
  },
];
