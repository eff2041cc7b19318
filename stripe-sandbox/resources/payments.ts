import { z } from "zod";
import { listView } from "../http/lists";
import { pagination, parseParams, text } from "../http/params";
import type { ApiRoute } from "./route";

// Read-only views of the objects behind a charge, so the app can go charge -> payment_intent -> invoice_payment ->
// invoice (the way Stripe's current API links a refund or dispute back to the invoice and its period).

const paymentMethodListParams = z.strictObject({
  ...pagination,
  customer: text.optional(),
  type: z.literal("card").optional(),
});
const invoicePaymentListParams = z.strictObject({
  ...pagination,
  invoice: text.optional(),
  payment: z.strictObject({ type: z.literal("payment_intent"), payment_intent: text.optional() }).optional(),
});

export const paymentRoutes: ApiRoute[] = [
  {
    method: "GET",
    path: "/v1/payment_methods/:id",
    handler: ({ sb, path }) => sb.view(sb.require("payment_methods", path.id)),
  },
  {
    method: "GET",
    path: "/v1/payment_methods",
    handler: ({ sb, params }) => {
      const p = parseParams(paymentMethodListParams, params);
      const methods = sb.store
        .all("payment_methods")
        .filter((method) => p.customer === undefined || method.customer === p.customer);
      return listView(sb, methods, p, "/v1/payment_methods");
    },
  },
  {
    method: "GET",
    path: "/v1/payment_intents/:id",
    handler: ({ sb, path }) => sb.view(sb.require("payment_intents", path.id)),
  },
  {
    method: "GET",
    path: "/v1/invoice_payments/:id",
    handler: ({ sb, path }) => sb.view(sb.require("invoice_payments", path.id)),
  },
  {
    method: "GET",
    path: "/v1/invoice_payments",
    handler: ({ sb, params }) => {
      const p = parseParams(invoicePaymentListParams, params);
      const payments = sb.store
        .all("invoice_payments")
        .filter(
          (payment) =>
            (p.invoice === undefined || payment.invoice === p.invoice) &&
            (p.payment?.payment_intent === undefined || payment.payment.payment_intent === p.payment.payment_intent),
        );
      return listView(sb, payments, p, "/v1/invoice_payments");
    },
  },
];
