import type { Customer, Metadata, Unix } from "../core/types";

export function buildCustomer(input: {
  id: string;
  created: Unix;
  email: string | null;
  name: string | null;
  phone: string | null;
  description: string | null;
  invoicePrefix: string;
  defaultPaymentMethod: string | null;
  metadata: Metadata;
}): Customer {
  return {
    id: input.id,
    object: "customer",
    address: null,
    balance: 0,
    created: input.created,
    currency: null,
    default_source: null,
    delinquent: false,
    description: input.description,
    discount: null,
    email: input.email,
    invoice_prefix: input.invoicePrefix,
    invoice_settings: {
      custom_fields: null,
      default_payment_method: input.defaultPaymentMethod,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: input.metadata,
    name: input.name,
    next_invoice_sequence: 1,
    phone: input.phone,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
  };
}
