import { newId, randomToken } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import type { Customer, Metadata } from "../core/types";
import { buildCustomer } from "../objects/customer";

export function createCustomer(
  sb: Sandbox,
  input: {
    email: string | null;
    name: string | null;
    phone: string | null;
    description: string | null;
    metadata: Metadata;
  },
): Customer {
  const customer = buildCustomer({
    id: newId("cus"),
    created: sb.now(),
    ...input,
    invoicePrefix: randomToken(8).toUpperCase(),
    defaultPaymentMethod: null,
  });
  sb.store.insert("customers", customer);
  sb.emit("customer.created", customer);
  return customer;
}
