import type { Store } from "../core/store";
import type { ListObject, StripeObject, Subscription, SubscriptionItem } from "../core/types";
import { planFromPrice } from "./catalog";

export function listOf<T>(data: T[], url: string, hasMore = false): ListObject<T> {
  return { object: "list", data, has_more: hasMore, url };
}

/**
 * The API view of a stored object: a deep copy with the parts Stripe embeds (subscription items, the item's price,
 * a charge's refunds, a transfer's reversals) filled in from their own collections, so they never drift apart.
 */
export function render(store: Store, object: StripeObject): StripeObject {
  switch (object.object) {
    case "subscription":
      return renderSubscription(store, object as Subscription);
    case "subscription_item":
      return renderItem(store, object as SubscriptionItem);
    case "charge": {
      const refunds = store.all("refunds").filter((refund) => refund.charge === object.id);
      return {
        ...structuredClone(object),
        refunds: listOf(structuredClone(refunds), `/v1/charges/${object.id}/refunds`),
      };
    }
    case "transfer": {
      const reversals = store.all("transfer_reversals").filter((reversal) => reversal.transfer === object.id);
      return {
        ...structuredClone(object),
        reversals: listOf(structuredClone(reversals), `/v1/transfers/${object.id}/reversals`),
      };
    }
    default:
      return structuredClone(object);
  }
}

export function itemsOf(store: Store, subscriptionId: string): SubscriptionItem[] {
  return store
    .all("subscription_items")
    .filter((item) => item.subscription === subscriptionId)
    .reverse();
}

function renderSubscription(store: Store, subscription: Subscription): StripeObject {
  const items = itemsOf(store, subscription.id).map((item) => renderItem(store, item));
  return {
    ...structuredClone(subscription),
    items: listOf(items, `/v1/subscription_items?subscription=${subscription.id}`),
  };
}

function renderItem(store: Store, item: SubscriptionItem): StripeObject {
  const price = store.get("prices", item.price);
  if (!price) throw new Error(`subscription item ${item.id} points at missing price ${item.price}`);
  return { ...structuredClone(item), price: structuredClone(price), plan: planFromPrice(price) };
}
