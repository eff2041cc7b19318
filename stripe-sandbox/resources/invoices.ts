import { z } from "zod";
import { declineOf } from "../billing/charges";
import {
  collectInvoice,
  finalizeInvoice,
  invoiceSubscriptionId,
  markUncollectible,
  voidInvoice,
} from "../billing/invoices";
import { paymentMethodForSubscription, paymentMethodFromParam } from "../billing/payment-methods";
import { applyPaymentOutcome } from "../billing/subscriptions";
import { cardDeclined, invalidRequest } from "../core/errors";
import type { Sandbox } from "../core/sandbox";
import type { Invoice } from "../core/types";
import { listView, paginate } from "../http/lists";
import { boolean, inRange, pagination, parseParams, range, text } from "../http/params";
import type { ApiRoute } from "./route";

const listParams = z.strictObject({
  ...pagination,
  customer: text.optional(),
  subscription: text.optional(),
  status: z.enum(["draft", "open", "paid", "uncollectible", "void"]).optional(),
  created: range.optional(),
});
const payParams = z.strictObject({ payment_method: text.optional(), off_session: boolean.optional() });
const noParams = z.strictObject({});

export const invoiceRoutes: ApiRoute[] = [
  { method: "GET", path: "/v1/invoices/:id", handler: ({ sb, path }) => sb.view(sb.require("invoices", path.id)) },
  {
    method: "GET",
    path: "/v1/invoices",
    handler: ({ sb, params }) => {
      const p = parseParams(listParams, params);
      const invoices = sb.store
        .all("invoices")
        .filter(
          (invoice) =>
            (p.customer === undefined || invoice.customer === p.customer) &&
            (p.subscription === undefined || invoiceSubscriptionId(invoice) === p.subscription) &&
            (p.status === undefined || invoice.status === p.status) &&
            inRange(invoice.created, p.created),
        );
      return listView(sb, invoices, p, "/v1/invoices");
    },
  },
  {
    method: "GET",
    path: "/v1/invoices/:id/lines",
    handler: ({ sb, params, path }) => {
      const p = parseParams(z.strictObject(pagination), params);
      const invoice = sb.require("invoices", path.id);
      return paginate(structuredClone(invoice.lines.data), p, invoice.lines.url);
    },
  },
  {
    method: "POST",
    path: "/v1/invoices/:id/finalize",
    handler: ({ sb, params, path }) => {
      parseParams(z.strictObject({ auto_advance: boolean.optional() }), params);
      const invoice = sb.require("invoices", path.id);
      if (invoice.status !== "draft")
        throw invalidRequest(`This invoice is already finalized (${invoice.status}).`, "id");
      finalizeInvoice(sb, invoice);
      return sb.view(invoice);
    },
  },
  {
    method: "POST",
    path: "/v1/invoices/:id/pay",
    handler: ({ sb, params, path }) =>
      sb.view(pay(sb, sb.require("invoices", path.id), parseParams(payParams, params))),
  },
  {
    method: "POST",
    path: "/v1/invoices/:id/void",
    handler: ({ sb, params, path }) => {
      parseParams(noParams, params);
      const invoice = sb.require("invoices", path.id);
      voidInvoice(sb, invoice);
      return sb.view(invoice);
    },
  },
  {
    method: "POST",
    path: "/v1/invoices/:id/mark_uncollectible",
    handler: ({ sb, params, path }) => {
      parseParams(noParams, params);
      const invoice = sb.require("invoices", path.id);
      markUncollectible(sb, invoice);
      return sb.view(invoice);
    },
  },
];

/** Pays an invoice now with the given card or the one on file; a decline answers 402 and stays recorded. */
function pay(sb: Sandbox, invoice: Invoice, p: z.output<typeof payParams>): Invoice {
  if (invoice.status === "paid") throw invalidRequest("Invoice is already paid", "id", "invoice_already_paid");
  if (invoice.status === "void") throw invalidRequest("This invoice has been voided and cannot be paid.", "id");
  const subscription = sb.require("subscriptions", invoiceSubscriptionId(invoice) ?? "");
  const customer = sb.require("customers", invoice.customer);
  const paymentMethod = p.payment_method
    ? paymentMethodFromParam(sb, customer, p.payment_method, "payment_method")
    : paymentMethodForSubscription(sb, subscription);
  if (invoice.status === "draft") finalizeInvoice(sb, invoice);
  if (!paymentMethod && invoice.amount_remaining > 0) {
    throw invalidRequest(
      "This customer has no attached payment source or default payment method. Please consider adding a default payment method.",
      undefined,
      "resource_missing",
    );
  }
  const attempt = collectInvoice(sb, invoice, paymentMethod, {
    offSession: p.off_session ?? true,
    retries: subscription.status === "past_due",
  });
  if (attempt.outcome === "paid") {
    if (subscription.latest_invoice === invoice.id) applyPaymentOutcome(sb, subscription, "paid");
    return invoice;
  }
  throw cardDeclined(declineOf(attempt.charge), attempt.charge?.id);
}
