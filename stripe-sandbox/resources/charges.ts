import { z } from "zod";
import { refundCharge } from "../billing/charges";
import { invalidRequest } from "../core/errors";
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

const chargeListParams = z.strictObject({
  ...pagination,
  customer: text.optional(),
  payment_intent: text.optional(),
  created: range.optional(),
});
const refundParams = z.strictObject({
  charge: text.optional(),
  payment_intent: text.optional(),
  amount: positiveInteger.optional(),
  reason: z.enum(["duplicate", "fraudulent", "requested_by_customer"]).optional(),
  metadata: metadata.optional(),
});
const refundListParams = z.strictObject({
  ...pagination,
  charge: text.optional(),
  payment_intent: text.optional(),
  created: range.optional(),
});
const disputeListParams = z.strictObject({
  ...pagination,
  charge: text.optional(),
  payment_intent: text.optional(),
  created: range.optional(),
});

export const chargeRoutes: ApiRoute[] = [
  { method: "GET", path: "/v1/charges/:id", handler: ({ sb, path }) => sb.view(sb.require("charges", path.id)) },
  {
    method: "GET",
    path: "/v1/charges",
    handler: ({ sb, params }) => {
      const p = parseParams(chargeListParams, params);
      const charges = sb.store
        .all("charges")
        .filter(
          (charge) =>
            (p.customer === undefined || charge.customer === p.customer) &&
            (p.payment_intent === undefined || charge.payment_intent === p.payment_intent) &&
            inRange(charge.created, p.created),
        );
      return listView(sb, charges, p, "/v1/charges");
    },
  },
  {
    method: "POST",
    path: "/v1/refunds",
    handler: ({ sb, params }) => {
      const p = parseParams(refundParams, params);
      const charge = p.charge
        ? sb.require("charges", p.charge, "charge")
        : sb.store
            .all("charges")
            .find((candidate) => p.payment_intent && candidate.payment_intent === p.payment_intent);
      if (!charge) throw invalidRequest("Missing required param: charge.", "charge", "parameter_missing");
      return sb.view(
        refundCharge(sb, charge, {
          amount: p.amount,
          reason: p.reason ?? null,
          metadata: mergeMetadata({}, p.metadata),
        }),
      );
    },
  },
  { method: "GET", path: "/v1/refunds/:id", handler: ({ sb, path }) => sb.view(sb.require("refunds", path.id)) },
  {
    method: "GET",
    path: "/v1/refunds",
    handler: ({ sb, params }) => {
      const p = parseParams(refundListParams, params);
      const refunds = sb.store
        .all("refunds")
        .filter(
          (refund) =>
            (p.charge === undefined || refund.charge === p.charge) &&
            (p.payment_intent === undefined || refund.payment_intent === p.payment_intent) &&
            inRange(refund.created, p.created),
        );
      return listView(sb, refunds, p, "/v1/refunds");
    },
  },
  { method: "GET", path: "/v1/disputes/:id", handler: ({ sb, path }) => sb.view(sb.require("disputes", path.id)) },
  {
    method: "GET",
    path: "/v1/disputes",
    handler: ({ sb, params }) => {
      const p = parseParams(disputeListParams, params);
      const disputes = sb.store
        .all("disputes")
        .filter(
          (dispute) =>
            (p.charge === undefined || dispute.charge === p.charge) &&
            (p.payment_intent === undefined || dispute.payment_intent === p.payment_intent) &&
            inRange(dispute.created, p.created),
        );
      return listView(sb, disputes, p, "/v1/disputes");
    },
  },
];
