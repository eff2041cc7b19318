import { z } from "zod";
import { resumeSubscription, updateSubscription, type SubscriptionChanges } from "../billing/changes";
import { paymentMethodFromParam } from "../billing/payment-methods";
import { cancelNow, createSubscription } from "../billing/subscriptions";
import { invalidRequest } from "../core/errors";
import type { Sandbox } from "../core/sandbox";
import type { Subscription } from "../core/types";
import { listView } from "../http/lists";
import {
  boolean,
  clearable,
  empty,
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
import { itemsOf } from "../objects/render";
import type { ApiRoute } from "./route";

const trialSettings = z.strictObject({
  end_behavior: z.strictObject({ missing_payment_method: z.enum(["pause", "cancel", "create_invoice"]) }),
});
const quantity = integer.refine((value) => value >= 0, { error: "Quantity must be 0 or more." });
const prorationBehavior = z.enum(["create_prorations", "always_invoice", "none"]);

const createParams = z.strictObject({
  customer: text,
  items: listOf(z.strictObject({ price: text, quantity: positiveInteger.optional() })),
  trial_period_days: integer
    .refine((value) => value >= 0, { error: "trial_period_days must be 0 or more." })
    .optional(),
  trial_settings: trialSettings.optional(),
  default_payment_method: text.optional(),
  payment_behavior: z.enum(["allow_incomplete", "default_incomplete", "error_if_incomplete"]).optional(),
  off_session: boolean.optional(),
  metadata: metadata.optional(),
});
const updateParams = z.strictObject({
  cancel_at_period_end: boolean.optional(),
  items: listOf(z.strictObject({ id: text, quantity: quantity.optional(), price: text.optional() })).optional(),
  metadata: metadata.optional(),
  pause_collection: z
    .union([
      empty,
      z.strictObject({
        behavior: z.enum(["keep_as_draft", "mark_uncollectible", "void"]),
        resumes_at: integer.optional(),
      }),
    ])
    .optional(),
  default_payment_method: text.optional(),
  proration_behavior: prorationBehavior.optional(),
  cancellation_details: z.strictObject({ comment: text.optional(), feedback: text.optional() }).optional(),
});
const listParams = z.strictObject({
  ...pagination,
  customer: text.optional(),
  price: text.optional(),
  status: z
    .enum([
      "active",
      "all",
      "canceled",
      "ended",
      "incomplete",
      "incomplete_expired",
      "past_due",
      "paused",
      "trialing",
      "unpaid",
    ])
    .optional(),
  created: range.optional(),
});
const cancelParams = z.strictObject({
  cancellation_details: z.strictObject({ comment: text.optional(), feedback: text.optional() }).optional(),
});
const resumeParams = z.strictObject({
  billing_cycle_anchor: z.enum(["now", "unchanged"]).optional(),
  proration_behavior: prorationBehavior.optional(),
});

export const subscriptionRoutes: ApiRoute[] = [
  { method: "POST", path: "/v1/subscriptions", handler: ({ sb, params }) => sb.view(create(sb, params)) },
  {
    method: "GET",
    path: "/v1/subscriptions/:id",
    handler: ({ sb, path }) => sb.view(sb.require("subscriptions", path.id)),
  },
  {
    method: "POST",
    path: "/v1/subscriptions/:id",
    handler: ({ sb, params, path }) => {
      const p = parseParams(updateParams, params);
      const subscription = sb.require("subscriptions", path.id);
      return sb.view(updateSubscription(sb, subscription, changesFrom(sb, subscription, p)));
    },
  },
  {
    method: "GET",
    path: "/v1/subscriptions",
    handler: ({ sb, params }) => {
      const p = parseParams(listParams, params);
      const subscriptions = sb.store
        .all("subscriptions")
        .filter(
          (subscription) =>
            (p.customer === undefined || subscription.customer === p.customer) &&
            (p.price === undefined || itemsOf(sb.store, subscription.id).some((item) => item.price === p.price)) &&
            hasListedStatus(subscription, p.status) &&
            inRange(subscription.created, p.created),
        );
      return listView(sb, subscriptions, p, "/v1/subscriptions");
    },
  },
  {
    method: "DELETE",
    path: "/v1/subscriptions/:id",
    handler: ({ sb, params, path }) => {
      const p = parseParams(cancelParams, params);
      const subscription = sb.require("subscriptions", path.id);
      if (subscription.status === "canceled" || subscription.status === "incomplete_expired") {
        throw invalidRequest(`The subscription ${subscription.id} has already ended.`, "id");
      }
      Object.assign(subscription.cancellation_details, p.cancellation_details ?? {});
      cancelNow(sb, subscription, "cancellation_requested");
      return sb.view(subscription);
    },
  },
  {
    method: "POST",
    path: "/v1/subscriptions/:id/resume",
    handler: ({ sb, params, path }) => {
      const p = parseParams(resumeParams, params);
      if (p.billing_cycle_anchor === "unchanged") {
        throw invalidRequest("The sandbox resumes with billing_cycle_anchor=now only.", "billing_cycle_anchor");
      }
      return sb.view(resumeSubscription(sb, sb.require("subscriptions", path.id), { offSession: true }));
    },
  },
];

function create(sb: Sandbox, params: unknown): Subscription {
  const p = parseParams(createParams, params);
  const customer = sb.require("customers", p.customer, "customer");
  const items = p.items.map((item, index) => {
    const price = sb.require("prices", item.price, `items[${index}][price]`);
    if (!price.recurring) throw invalidRequest(`The price ${price.id} is not recurring.`, `items[${index}][price]`);
    return { price, quantity: item.quantity ?? 1 };
  });
  if (items.length === 0) throw invalidRequest("Missing required param: items.", "items", "parameter_missing");
  const intervals = new Set(
    items.map(({ price }) => `${price.recurring?.interval}/${price.recurring?.interval_count}`),
  );
  if (intervals.size > 1)
    throw invalidRequest("All prices of a subscription must share one billing interval.", "items");
  const paymentMethod = p.default_payment_method
    ? paymentMethodFromParam(sb, customer, p.default_payment_method, "default_payment_method")
    : null;
  return createSubscription(sb, {
    customer,
    items,
    trialDays: p.trial_period_days || null,
    missingPaymentMethod: p.trial_settings?.end_behavior.missing_payment_method ?? "create_invoice",
    paymentMethod: paymentMethod ?? cardOnFile(sb, customer.invoice_settings.default_payment_method),
    metadata: mergeMetadata({}, p.metadata),
    paymentBehavior: p.payment_behavior ?? "allow_incomplete",
    offSession: p.off_session ?? true,
  });
}

function cardOnFile(sb: Sandbox, id: string | null) {
  return id ? (sb.store.get("payment_methods", id) ?? null) : null;
}

function changesFrom(sb: Sandbox, subscription: Subscription, p: z.output<typeof updateParams>): SubscriptionChanges {
  const customer = sb.require("customers", subscription.customer);
  const defaultPaymentMethod = clearable(p.default_payment_method);
  return {
    cancelAtPeriodEnd: p.cancel_at_period_end,
    items: p.items?.map((item, index) => ({
      id: item.id,
      quantity: item.quantity,
      price: item.price === undefined ? undefined : sb.require("prices", item.price, `items[${index}][price]`),
    })),
    metadata: p.metadata === undefined ? undefined : mergeMetadata(subscription.metadata, p.metadata),
    pauseCollection:
      p.pause_collection === undefined
        ? undefined
        : p.pause_collection === ""
          ? null
          : { behavior: p.pause_collection.behavior, resumes_at: p.pause_collection.resumes_at ?? null },
    defaultPaymentMethod:
      defaultPaymentMethod === undefined
        ? undefined
        : defaultPaymentMethod === null
          ? null
          : paymentMethodFromParam(sb, customer, defaultPaymentMethod, "default_payment_method"),
    cancellationDetails: p.cancellation_details,
    prorationBehavior: p.proration_behavior ?? "create_prorations",
  };
}

/** Stripe lists every status but canceled by default; `all` lists everything, `ended` canceled and expired ones. */
function hasListedStatus(subscription: Subscription, status: z.output<typeof listParams>["status"]): boolean {
  if (status === "all") return true;
  if (status === "ended") return subscription.status === "canceled" || subscription.status === "incomplete_expired";
  if (status === undefined) return subscription.status !== "canceled" && subscription.status !== "incomplete_expired";
  return subscription.status === status;
}
