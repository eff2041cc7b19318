import { z } from "zod";
import { expireSession } from "../billing/checkout";
import { days } from "../core/clock";
import { invalidRequest } from "../core/errors";
import { newId } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import { listView } from "../http/lists";
import {
  boolean,
  inRange,
  integer,
  listOf,
  mergeMetadata,
  metadata,
  pagination,
  parseParams,
  positiveInteger,
  range,
  text,
} from "../http/params";
import { buildCheckoutSession } from "../objects/checkout";
import type { ApiRoute } from "./route";

const createParams = z.strictObject({
  mode: z.enum(["payment", "setup", "subscription"]),
  customer: text.optional(),
  customer_email: text.optional(),
  line_items: listOf(z.strictObject({ price: text, quantity: positiveInteger.optional() })),
  success_url: text,
  cancel_url: text.optional(),
  client_reference_id: text.optional(),
  metadata: metadata.optional(),
  payment_method_collection: z.enum(["always", "if_required"]).optional(),
  payment_method_types: listOf(z.literal("card")).optional(),
  subscription_data: z
    .strictObject({
      trial_period_days: positiveInteger.optional(),
      trial_settings: z
        .strictObject({
          end_behavior: z.strictObject({ missing_payment_method: z.enum(["pause", "cancel", "create_invoice"]) }),
        })
        .optional(),
      metadata: metadata.optional(),
    })
    .optional(),
  allow_promotion_codes: boolean.optional(),
  locale: text.optional(),
  expires_at: integer.optional(),
});
const listParams = z.strictObject({
  ...pagination,
  customer: text.optional(),
  subscription: text.optional(),
  status: z.enum(["open", "complete", "expired"]).optional(),
  created: range.optional(),
});

export const checkoutRoutes: ApiRoute[] = [
  { method: "POST", path: "/v1/checkout/sessions", handler: ({ sb, params }) => createCheckoutSession(sb, params) },
  {
    method: "GET",
    path: "/v1/checkout/sessions/:id",
    handler: ({ sb, path }) => sb.view(sb.require("checkout_sessions", path.id)),
  },
  {
    method: "GET",
    path: "/v1/checkout/sessions",
    handler: ({ sb, params }) => {
      const p = parseParams(listParams, params);
      const sessions = sb.store
        .all("checkout_sessions")
        .filter(
          (session) =>
            (p.customer === undefined || session.customer === p.customer) &&
            (p.subscription === undefined || session.subscription === p.subscription) &&
            (p.status === undefined || session.status === p.status) &&
            inRange(session.created, p.created),
        );
      return listView(sb, sessions, p, "/v1/checkout/sessions");
    },
  },
  {
    method: "POST",
    path: "/v1/checkout/sessions/:id/expire",
    handler: ({ sb, path }) => {
      const session = sb.require("checkout_sessions", path.id);
      if (session.status !== "open") {
        throw invalidRequest(
          `Only Checkout Sessions with a status of \`open\` can be expired; this one is ${session.status}.`,
        );
      }
      expireSession(sb, session);
      return sb.view(session);
    },
  },
];

function createCheckoutSession(sb: Sandbox, params: unknown) {
  const p = parseParams(createParams, params);
  if (p.mode !== "subscription") throw invalidRequest("The Stripe sandbox supports only mode=subscription.", "mode");
  if (p.customer && p.customer_email) {
    throw invalidRequest("You may only specify one of these parameters: customer, customer_email.", "customer_email");
  }
  const customer = p.customer ? sb.require("customers", p.customer, "customer") : null;
  const lineItems = p.line_items.map((item, index) => {
    const price = sb.require("prices", item.price, `line_items[${index}][price]`);
    if (!price.recurring || !price.active) {
      throw invalidRequest(
        `The price ${price.id} must be active and recurring for mode=subscription.`,
        `line_items[${index}][price]`,
      );
    }
    return { price, quantity: item.quantity ?? 1 };
  });
  if (lineItems.length === 0)
    throw invalidRequest("Missing required param: line_items.", "line_items", "parameter_missing");

  const now = sb.now();
  const expiresAt = p.expires_at ?? now + days(1);
  if (expiresAt < now + 30 * 60 || expiresAt > now + days(1)) {
    throw invalidRequest("The `expires_at` timestamp must be between 30 minutes and 24 hours from now.", "expires_at");
  }
  const trialPeriodDays = p.subscription_data?.trial_period_days ?? null;
  const id = newId("cs_test");
  const session = buildCheckoutSession({
    id,
    created: now,
    expiresAt,
    url: `${sb.config.baseUrl}/checkout/${id}`,
    customer: customer?.id ?? null,
    customerEmail: p.customer_email ?? null,
    amountTotal: trialPeriodDays ? 0 : lineItems.reduce((sum, item) => sum + item.price.unit_amount * item.quantity, 0),
    successUrl: p.success_url,
    cancelUrl: p.cancel_url ?? null,
    clientReferenceId: p.client_reference_id ?? null,
    paymentMethodCollection: p.payment_method_collection ?? "always",
    allowPromotionCodes: p.allow_promotion_codes ?? null,
    locale: p.locale ?? null,
    metadata: mergeMetadata({}, p.metadata),
  });
  sb.store.insert("checkout_sessions", session);
  sb.store.state.checkoutDetails[id] = {
    lineItems: lineItems.map((item) => ({ price: item.price.id, quantity: item.quantity })),
    trialPeriodDays,
    missingPaymentMethod: p.subscription_data?.trial_settings?.end_behavior.missing_payment_method ?? "create_invoice",
    subscriptionMetadata: mergeMetadata({}, p.subscription_data?.metadata),
  };
  return sb.view(session);
}
