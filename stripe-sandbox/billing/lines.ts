import type { Sandbox } from "../core/sandbox";
import type { ProrationLine } from "../core/store";
import type { Price, Subscription, SubscriptionItem, Unix } from "../core/types";
import type { LineInput } from "../objects/invoice";
import { itemsOf } from "../objects/render";

/** One line per item for a whole period: "2 × Flowtab Premium (at $10.00 / month)", or $0 "Trial period for ...". */
export function periodLines(
  sb: Sandbox,
  subscription: Subscription,
  period: { start: Unix; end: Unix },
  trial: boolean,
): LineInput[] {
  return itemsOf(sb.store, subscription.id).map((item) => {
    const price = sb.require("prices", item.price);
    const product = productName(sb, price);
    return {
      subscriptionItem: item.id,
      price,
      quantity: item.quantity,
      amount: trial ? 0 : price.unit_amount * item.quantity,
      description: trial
        ? `Trial period for ${product}`
        : `${item.quantity} × ${product} (at ${money(price.unit_amount)} / ${price.recurring?.interval ?? "month"})`,
      period,
      proration: false,
    };
  });
}

/**
 * Stripe's prorations for changing an item mid-period: a credit for the unused time of the old quantity/price and a
 * charge for the remaining time of the new one, both for the rest of the current period.
 */
export function prorationsFor(
  sb: Sandbox,
  item: SubscriptionItem,
  next: { price: Price; quantity: number },
  at: Unix,
): ProrationLine[] {
  const previous = sb.require("prices", item.price);
  const remaining = (item.current_period_end - at) / (item.current_period_end - item.current_period_start);
  const period = { start: at, end: item.current_period_end };
  const date = new Date(at * 1000).toLocaleDateString("en-GB", {
    timeZone: "UTC",
    day: "2-digit",
    month: "short",
    year: "numeric",
  });
  return [
    {
      subscriptionItem: item.id,
      price: previous.id,
      quantity: item.quantity,
      amount: -Math.round(previous.unit_amount * item.quantity * remaining),
      description: `Unused time on ${item.quantity} × ${productName(sb, previous)} after ${date}`,
      period,
    },
    {
      subscriptionItem: item.id,
      price: next.price.id,
      quantity: next.quantity,
      amount: Math.round(next.price.unit_amount * next.quantity * remaining),
      description: `Remaining time on ${next.quantity} × ${productName(sb, next.price)} after ${date}`,
      period,
    },
  ];
}

export function prorationLineInputs(sb: Sandbox, prorations: ProrationLine[]): LineInput[] {
  return prorations.map((proration) => ({
    subscriptionItem: proration.subscriptionItem,
    price: sb.require("prices", proration.price),
    quantity: proration.quantity,
    amount: proration.amount,
    description: proration.description,
    period: proration.period,
    proration: true,
  }));
}

/** Removes and returns the prorations waiting for the subscription's next invoice. */
export function takePendingProrations(sb: Sandbox, subscriptionId: string): LineInput[] {
  const pending = sb.store.state.pendingProrations[subscriptionId] ?? [];
  delete sb.store.state.pendingProrations[subscriptionId];
  return prorationLineInputs(sb, pending);
}

export function money(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}

function productName(sb: Sandbox, price: Price): string {
  return sb.store.get("products", price.product)?.name ?? price.product;
}
