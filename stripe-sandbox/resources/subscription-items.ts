import { z } from "zod";
import { updateSubscription } from "../billing/changes";
import { listView } from "../http/lists";
import { integer, pagination, parseParams, text } from "../http/params";
import { itemsOf } from "../objects/render";
import type { ApiRoute } from "./route";

const updateParams = z.strictObject({
  quantity: integer.refine((value) => value >= 0, { error: "Quantity must be 0 or more." }).optional(),
  price: text.optional(),
  proration_behavior: z.enum(["create_prorations", "always_invoice", "none"]).optional(),
});
const listParams = z.strictObject({ ...pagination, subscription: text });

export const subscriptionItemRoutes: ApiRoute[] = [
  {
    method: "GET",
    path: "/v1/subscription_items/:id",
    handler: ({ sb, path }) => sb.view(sb.require("subscription_items", path.id)),
  },
  {
    method: "GET",
    path: "/v1/subscription_items",
    handler: ({ sb, params }) => {
      const p = parseParams(listParams, params);
      const subscription = sb.require("subscriptions", p.subscription, "subscription");
      return listView(
        sb,
        itemsOf(sb.store, subscription.id).reverse(),
        p,
        `/v1/subscription_items?subscription=${subscription.id}`,
      );
    },
  },
  {
    method: "POST",
    path: "/v1/subscription_items/:id",
    handler: ({ sb, params, path }) => {
      const p = parseParams(updateParams, params);
      const item = sb.require("subscription_items", path.id);
      updateSubscription(sb, sb.require("subscriptions", item.subscription), {
        items: [
          {
            id: item.id,
            quantity: p.quantity,
            price: p.price === undefined ? undefined : sb.require("prices", p.price, "price"),
          },
        ],
        prorationBehavior: p.proration_behavior ?? "create_prorations",
      });
      return sb.view(item);
    },
  },
];
