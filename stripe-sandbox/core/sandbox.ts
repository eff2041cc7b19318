import { buildEvent, type EventRequest } from "../objects/event";
import { render } from "../objects/render";
import { WebhookDispatcher } from "../webhooks/dispatcher";
import { Clock } from "./clock";
import { StripeError, resourceMissing } from "./errors";
import { newId } from "./ids";
import { Store, type CollectionName, type Collections } from "./store";
import type { StripeEvent, StripeObject } from "./types";

/** The API version whose object shapes the sandbox serves: the one stripe@23.1.0 sends (a test checks they match). */
export const API_VERSION = "2026-10-28.endive";

export interface SandboxConfig {
  /** Where this server is reached, for the URLs of hosted pages. */
  baseUrl: string;
  appUrl: string;
  webhookSecret: string;
  retryBaseMs: number;
  stateFile: string;
}

const NO_REQUEST: EventRequest = { id: null, idempotency_key: null };

/** The sandbox's state and the services every part of it shares: store, clock, events and webhook delivery. */
export class Sandbox {
  readonly store: Store;
  readonly clock: Clock;
  readonly webhooks: WebhookDispatcher;
  private batch: StripeEvent[] = [];
  private request: EventRequest = NO_REQUEST;

  constructor(readonly config: SandboxConfig) {
    this.store = new Store(config.stateFile);
    this.clock = new Clock(
      () => this.store.state.clockOffsetSeconds,
      (seconds) => {
        this.store.state.clockOffsetSeconds = seconds;
      },
    );
    this.webhooks = new WebhookDispatcher(this);
  }

  now(): number {
    return this.clock.now();
  }

  /**
   * Runs one change as a unit: on success the state is saved and its events are queued for delivery; on an error
   * that had no effect (validation) the state is rolled back, so nothing is written on failure.
   */
  transaction<T>(request: EventRequest | null, change: () => T): T {
    const backup = structuredClone(this.store.state);
    this.request = request ?? NO_REQUEST;
    try {
      const result = change();
      this.commit();
      return result;
    } catch (error) {
      if (error instanceof StripeError && error.keepEffects) {
        this.commit();
      } else {
        this.store.state = backup;
        this.batch = [];
      }
      throw error;
    } finally {
      this.request = NO_REQUEST;
    }
  }

  /** Records a Stripe event; `before` is the object's view before the change, for `previous_attributes`. */
  emit(type: string, object: StripeObject, before?: StripeObject): void {
    const event = buildEvent({
      id: newId("evt"),
      type,
      created: this.now(),
      apiVersion: API_VERSION,
      object: this.view(object),
      before,
      request: this.request,
      pendingWebhooks: this.store.state.webhooks.enabled ? 1 : 0,
    });
    this.store.insert("events", event);
    this.batch.push(event);
  }

  /** The object as the API returns it (also the `before` snapshot for `emit`). */
  view(object: StripeObject): StripeObject {
    return render(this.store, object);
  }

  /** The API view of the object with this id, for `expand`. */
  resolve(id: string): StripeObject | undefined {
    const found = this.store.locate(id);
    return found && this.view(found);
  }

  /** The object or Stripe's `No such ...` error naming the parameter that held the id. */
  require<C extends CollectionName>(collection: C, id: string, param = "id"): Collections[C] {
    const found = this.store.get(collection, id);
    if (!found) throw resourceMissing(KIND[collection], id, param);
    return found;
  }

  private commit(): void {
    const events = this.batch;
    this.batch = [];
    this.webhooks.enqueue(events);
    this.store.save();
  }
}

const KIND: Record<CollectionName, string> = {
  customers: "customer",
  products: "product",
  prices: "price",
  subscriptions: "subscription",
  subscription_items: "subscription item",
  invoices: "invoice",
  invoice_payments: "invoice payment",
  payment_methods: "PaymentMethod",
  payment_intents: "payment_intent",
  charges: "charge",
  refunds: "refund",
  disputes: "dispute",
  checkout_sessions: "checkout.session",
  portal_sessions: "billing_portal.session",
  accounts: "account",
  transfers: "transfer",
  transfer_reversals: "transfer reversal",
  events: "event",
};
