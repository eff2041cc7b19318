import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { buildPrice, buildProduct } from "../objects/catalog";
import { realNow } from "./clock";
import type * as T from "./types";

export interface Collections {
  customers: T.Customer;
  products: T.Product;
  prices: T.Price;
  subscriptions: T.Subscription;
  subscription_items: T.SubscriptionItem;
  invoices: T.Invoice;
  invoice_payments: T.InvoicePayment;
  payment_methods: T.PaymentMethod;
  payment_intents: T.PaymentIntent;
  charges: T.Charge;
  refunds: T.Refund;
  disputes: T.Dispute;
  checkout_sessions: T.CheckoutSession;
  portal_sessions: T.PortalSession;
  accounts: T.Account;
  transfers: T.Transfer;
  transfer_reversals: T.TransferReversal;
  events: T.StripeEvent;
}
export type CollectionName = keyof Collections;

const COLLECTION_NAMES: CollectionName[] = [
  "customers",
  "products",
  "prices",
  "subscriptions",
  "subscription_items",
  "invoices",
  "invoice_payments",
  "payment_methods",
  "payment_intents",
  "charges",
  "refunds",
  "disputes",
  "checkout_sessions",
  "portal_sessions",
  "accounts",
  "transfers",
  "transfer_reversals",
  "events",
];

/** What a checkout session needs at completion that Stripe's session object does not show. */
export interface CheckoutDetails {
  lineItems: { price: string; quantity: number }[];
  trialPeriodDays: number | null;
  missingPaymentMethod: T.MissingPaymentMethod;
  subscriptionMetadata: T.Metadata;
}

/** Account links have no id in Stripe's API; the sandbox keys them by the token in their URL. */
export interface AccountLinkRecord {
  account: string;
  refreshUrl: string;
  returnUrl: string;
  expiresAt: T.Unix;
  used: boolean;
}

export interface IdempotencyRecord {
  fingerprint: string;
  status: number;
  body: unknown;
  created: T.Unix;
}

/** A pending proration (Stripe's pending invoice item), billed on the subscription's next invoice. */
export interface ProrationLine {
  subscriptionItem: string;
  price: string;
  quantity: number;
  amount: number;
  description: string;
  period: { start: T.Unix; end: T.Unix };
}

export interface DeliveryEntry {
  eventId: string;
  attempt: number;
  /** Real epoch milliseconds: retries wait in real time whatever the sandbox clock says. */
  notBefore: number;
}

export interface WebhookSettings {
  enabled: boolean;
  duplicate: boolean;
  shuffle: boolean;
  /** When set, the shuffle is seeded (mulberry32, the state moves on with each change): the same order every run. */
  shuffleSeed?: number | null;
  /** null: the retry base given at start (`retryBaseMs`). */
  retryBaseMs: number | null;
}

export interface SandboxState {
  version: 1;
  clockOffsetSeconds: number;
  objects: { [C in CollectionName]: Record<string, Collections[C]> };
  idempotency: Record<string, IdempotencyRecord>;
  checkoutDetails: Record<string, CheckoutDetails>;
  accountLinks: Record<string, AccountLinkRecord>;
  /** Cards that decline every charge (set by the fail-next-renewal control) until the customer replaces them. */
  decliningPaymentMethods: string[];
  failNextTransfers: number;
  /** subscription id -> the trial_end its trial_will_end event was sent for. */
  trialWillEndSent: Record<string, T.Unix>;
  pendingProrations: Record<string, ProrationLine[]>;
  webhooks: WebhookSettings & { queue: DeliveryEntry[] };
}

const PREMIUM_PRODUCT_ID = "prod_flowtab_premium";
const PREMIUM_PRICE_ID = "price_flowtab_premium_monthly";

/** The in-memory state and its JSON file, rewritten atomically (temp file + rename) after each change. */
export class Store {
  state: SandboxState;

  constructor(private readonly file: string) {
    if (existsSync(file)) {
      this.state = readState(file);
    } else {
      this.state = freshState();
      this.save();
    }
  }

  get<C extends CollectionName>(collection: C, id: string): Collections[C] | undefined {
    return Object.hasOwn(this.state.objects[collection], id) ? this.state.objects[collection][id] : undefined;
  }

  insert<C extends CollectionName>(collection: C, object: Collections[C]): Collections[C] {
    const objects: Record<string, Collections[C]> = this.state.objects[collection];
    objects[object.id] = object;
    return object;
  }

  /** Newest first, like every Stripe list. */
  all<C extends CollectionName>(collection: C): Collections[C][] {
    return Object.values(this.state.objects[collection]).reverse();
  }

  /** The collection holding `id`, whatever its prefix. */
  locate(id: string): Collections[CollectionName] | undefined {
    for (const name of COLLECTION_NAMES) {
      const found = this.get(name, id);
      if (found) return found;
    }
    return undefined;
  }

  reset(): void {
    this.state = freshState();
  }

  save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.state));
    renameSync(temporary, this.file);
  }
}

function readState(file: string): SandboxState {
  const state = JSON.parse(readFileSync(file, "utf8")) as SandboxState;
  if (state.version !== 1) {
    throw new Error(`stripe-sandbox: ${file} was written by another sandbox version; delete it to start afresh`);
  }
  return state;
}

function freshState(): SandboxState {
  const objects = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, {}])) as SandboxState["objects"];
  const created = realNow();
  const product = buildProduct({
    id: PREMIUM_PRODUCT_ID,
    created,
    name: "Flowtab Premium",
    description: "Unlimited copies from the Flowtab library",
    metadata: {},
    active: true,
  });
  product.default_price = PREMIUM_PRICE_ID;
  objects.products[product.id] = product;
  objects.prices[PREMIUM_PRICE_ID] = buildPrice({
    id: PREMIUM_PRICE_ID,
    created,
    product: product.id,
    currency: "usd",
    unitAmount: 1000,
    recurring: { interval: "month", intervalCount: 1 },
    lookupKey: "flowtab_premium_monthly",
    nickname: "Premium monthly",
    metadata: {},
    active: true,
  });
  return {
    version: 1,
    clockOffsetSeconds: 0,
    objects,
    idempotency: {},
    checkoutDetails: {},
    accountLinks: {},
    decliningPaymentMethods: [],
    failNextTransfers: 0,
    trialWillEndSent: {},
    pendingProrations: {},
    webhooks: { enabled: true, duplicate: false, shuffle: false, retryBaseMs: null, queue: [] },
  };
}
