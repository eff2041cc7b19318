import { z } from "zod";
import { createCustomer } from "../billing/customers";
import { paymentMethodFromParam } from "../billing/payment-methods";
import type { Customer, PaymentMethod } from "../core/types";
import { listView } from "../http/lists";
import {
  clearable,
  inRange,
  integer,
  mergeMetadata,
  metadata,
  pagination,
  parseParams,
  range,
  text,
} from "../http/params";
import type { ApiRoute } from "./route";

const fields = {
  email: text.optional(),
  name: text.optional(),
  phone: text.optional(),
  description: text.optional(),
  metadata: metadata.optional(),
  invoice_settings: z.strictObject({ default_payment_method: text.optional() }).optional(),
};
const createParams = z.strictObject({ ...fields, payment_method: text.optional() });
// `balance`: the customer's credit balance in cents (negative = credit), applied to the next finalized invoices.
const updateParams = z.strictObject({ ...fields, balance: integer.optional() });
const listParams = z.strictObject({ ...pagination, email: text.optional(), created: range.optional() });

export const customerRoutes: ApiRoute[] = [
  {
    method: "POST",
    path: "/v1/customers",
    handler: ({ sb, params }) => {
      const p = parseParams(createParams, params);
      const customer = createCustomer(sb, {
        email: clearable(p.email) ?? null,
        name: clearable(p.name) ?? null,
        phone: clearable(p.phone) ?? null,
        description: clearable(p.description) ?? null,
        metadata: mergeMetadata({}, p.metadata),
      });
      const attached = p.payment_method
        ? paymentMethodFromParam(sb, customer, p.payment_method, "payment_method")
        : null;
      const defaultId = p.invoice_settings?.default_payment_method;
      if (defaultId) {
        // `pm_card_visa` named twice means the card just attached, not a second one.
        const chosen: PaymentMethod =
          attached && defaultId === p.payment_method
            ? attached
            : paymentMethodFromParam(sb, customer, defaultId, "invoice_settings[default_payment_method]");
        customer.invoice_settings.default_payment_method = chosen.id;
      }
      return sb.view(customer);
    },
  },
  {
    method: "GET",
    path: "/v1/customers/:id",
    handler: ({ sb, path }) => sb.view(sb.require("customers", path.id)),
  },
  {
    method: "POST",
    path: "/v1/customers/:id",
    handler: ({ sb, params, path }) => {
      const p = parseParams(updateParams, params);
      const customer = sb.require("customers", path.id);
      const before = sb.view(customer);
      applyFields(customer, p);
      const defaultId = clearable(p.invoice_settings?.default_payment_method);
      if (defaultId !== undefined) {
        customer.invoice_settings.default_payment_method =
          defaultId === null
            ? null
            : paymentMethodFromParam(sb, customer, defaultId, "invoice_settings[default_payment_method]").id;
      }
      const after = sb.view(customer);
      if (JSON.stringify(before) !== JSON.stringify(after)) sb.emit("customer.updated", customer, before);
      return after;
    },
  },
  {
    method: "GET",
    path: "/v1/customers",
    handler: ({ sb, params }) => {
      const p = parseParams(listParams, params);
      const customers = sb.store
        .all("customers")
        .filter(
          (customer) => (p.email === undefined || customer.email === p.email) && inRange(customer.created, p.created),
        );
      return listView(sb, customers, p, "/v1/customers");
    },
  },
];

function applyFields(customer: Customer, p: z.output<typeof updateParams>): void {
  if (p.email !== undefined) customer.email = clearable(p.email) ?? null;
  if (p.name !== undefined) customer.name = clearable(p.name) ?? null;
  if (p.phone !== undefined) customer.phone = clearable(p.phone) ?? null;
  if (p.description !== undefined) customer.description = clearable(p.description) ?? null;
  if (p.balance !== undefined) customer.balance = p.balance;
  customer.metadata = mergeMetadata(customer.metadata, p.metadata);
}
