// Shared by the billing integration tests: a subscriber going through the app's real checkout against an in-process
// Stripe sandbox, the sandbox's events for that customer, and signed delivery to the webhook dispatcher.
import { asc, eq, sql } from "drizzle-orm";
import Stripe from "stripe";
import {
  creatorCredits,
  emailOutbox,
  invoices,
  processedStripeEvents,
  subscriptions,
  tenants,
  users,
} from "@/db/schema";
import type { CreditStatus } from "@/db/schema";
import type { Db, Executor } from "@/db/types";
import { startCheckout } from "@/lib/billing/checkout";
import { invoiceFields, subscriptionFields } from "@/lib/billing/snapshot";
import { fetchCustomerSnapshot } from "@/lib/billing/sync";
import { handleStripeEvent, type DispatchOutcome } from "@/lib/billing/webhooks/dispatch";
import { recordCopy } from "@/lib/copies/record-copy";
import { makeFlows, makeUser } from "../helpers/world";
import { WEBHOOK_SECRET, submitForm, type TestSandbox } from "../sandbox/helpers";

export const VISA = { card_number: "4242 4242 4242 4242", card_expiry: "12 / 34", card_cvc: "123" };
export const THREE_D_SECURE = { ...VISA, card_number: "4000 0027 6000 3184" };
export const DAY = 86_400;

const verifier = new Stripe("sk_test_verifier");

/** The event as Stripe would send it: JSON signed with the webhook secret, then verified and parsed like the route. */
export function signed(event: Stripe.Event, secret = WEBHOOK_SECRET): { payload: string; header: string } {
  const payload = JSON.stringify(event, null, 2);
  return { payload, header: verifier.webhooks.generateTestHeaderString({ payload, secret }) };
}

export function verified(event: Stripe.Event): Stripe.Event {
  const { payload, header } = signed(event);
  return verifier.webhooks.constructEvent(payload, header, WEBHOOK_SECRET);
}

export type Subscriber = {
  userId: string;
  tenantId: string;
  email: string;
  customerId: string;
  subscriptionId: string;
};

/**
 * A new user subscribes through the app's own checkout (startCheckout) and the sandbox's hosted page: a trial
 * without a card, or (when `trial: false`, the trial already used) a paid first month with `card`.
 */
export async function subscribe(
  db: Db,
  sandbox: TestSandbox,
  name: string,
  options: { trial: boolean; card?: Record<string, string> },
): Promise<Subscriber> {
  const { user, tenant } = await makeUser(db, name);
  if (!options.trial) await db.update(users).set({ trialUsedAt: new Date() }).where(eq(users.id, user.id));
  const outcome = await startCheckout(db, { userId: user.id, personalTenantId: tenant.id, input: {} });
  if (outcome.kind !== "checkout") throw new Error(`expected a checkout, got ${outcome.kind}`);
  const fields = options.card
    ? { email: user.email, action: "pay", ...options.card }
    : { email: user.email, action: "trial_without_card" };
  const response = await submitForm(outcome.url, fields);
  if (response.status !== 303) throw new Error(`checkout failed: ${response.status} ${await response.text()}`);
  const [stored] = await db.select().from(tenants).where(eq(tenants.id, tenant.id));
  const customerId = stored!.stripeCustomerId!;
  const [subscription] = (await sandbox.stripe.subscriptions.list({ customer: customerId, status: "all" })).data;
  return { userId: user.id, tenantId: tenant.id, email: user.email, customerId, subscriptionId: subscription!.id };
}

/** Every sandbox event about this customer (its subscriptions, invoices, charges and disputes), oldest first. */
export async function eventsFor(sandbox: TestSandbox, customerId: string): Promise<Stripe.Event[]> {
  const charges = new Set(
    (await sandbox.stripe.charges.list({ customer: customerId, limit: 100 })).data.map((c) => c.id),
  );
  const customer = (await sandbox.stripe.customers.retrieve(customerId)) as Stripe.Customer;
  const all: Stripe.Event[] = [];
  await sandbox.stripe.events.list({ limit: 100, created: { gte: customer.created } }).autoPagingEach((event) => {
    all.push(event);
  });
  return all
    .filter((event) => {
      const object = event.data.object as { id?: string; customer?: string | null; charge?: string };
      return (
        object.customer === customerId ||
        object.id === customerId ||
        (object.charge !== undefined && charges.has(object.charge))
      );
    })
    .reverse();
}

/** Delivers events to the dispatcher the way the route would, remembering which were delivered already. */
export class Deliverer {
  readonly delivered = new Set<string>();
  readonly outcomes: { type: string; outcome: DispatchOutcome }[] = [];

  constructor(
    private readonly db: () => Executor,
    private readonly stripe: Stripe,
  ) {}

  async deliver(event: Stripe.Event, stripe: Stripe = this.stripe, db: Executor = this.db()): Promise<DispatchOutcome> {
    const outcome = await handleStripeEvent(db, verified(event), stripe);
    this.delivered.add(event.id);
    this.outcomes.push({ type: event.type, outcome });
    return outcome;
  }

  /** The customer's events not delivered yet, in order (optionally only some types). */
  async pending(sandbox: TestSandbox, customerId: string, types?: string[]): Promise<Stripe.Event[]> {
    return (await eventsFor(sandbox, customerId)).filter(
      (e) => !this.delivered.has(e.id) && (!types || types.includes(e.type)),
    );
  }

  async deliverPending(sandbox: TestSandbox, customerId: string, types?: string[]): Promise<Stripe.Event[]> {
    const events = await this.pending(sandbox, customerId, types);
    for (const event of events) await this.deliver(event);
    return events;
  }
}

/** Byte order, the same whatever the database's collation. */
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Our rows for a customer, in the shape the sandbox's current state maps to (bookkeeping columns left out). */
export async function storedBilling(db: Executor, customerId: string) {
  const subs = await db
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.stripeCustomerId, customerId))
    .orderBy(asc(subscriptions.stripeSubscriptionId));
  const subIds = new Map(subs.map((s) => [s.id, s.stripeSubscriptionId]));
  const [tenant] = await db.select().from(tenants).where(eq(tenants.stripeCustomerId, customerId));
  const invoiceRows = tenant
    ? await db.select().from(invoices).where(eq(invoices.tenantId, tenant.id)).orderBy(asc(invoices.stripeInvoiceId))
    : [];
  return {
    subscriptions: subs
      .sort((a, b) => byId(a.stripeSubscriptionId, b.stripeSubscriptionId))
      .map((s) => ({
        stripeSubscriptionId: s.stripeSubscriptionId,
        stripePriceId: s.stripePriceId,
        status: s.status,
        quantity: s.quantity,
        unitAmountCents: s.unitAmountCents,
        currentPeriodStart: s.currentPeriodStart,
        currentPeriodEnd: s.currentPeriodEnd,
        cancelAtPeriodEnd: s.cancelAtPeriodEnd,
        canceledAt: s.canceledAt,
        trialStart: s.trialStart,
        trialEnd: s.trialEnd,
        endedAt: s.endedAt,
      })),
    invoices: invoiceRows
      .sort((a, b) => byId(a.stripeInvoiceId, b.stripeInvoiceId))
      .map((i) => ({
        stripeInvoiceId: i.stripeInvoiceId,
        stripeSubscriptionId: i.subscriptionId ? (subIds.get(i.subscriptionId) ?? null) : null,
        status: i.status,
        amountDueCents: i.amountDueCents,
        amountPaidCents: i.amountPaidCents,
        periodStart: i.periodStart,
        periodEnd: i.periodEnd,
        paidAt: i.paidAt,
      })),
  };
}

/** What storedBilling should hold, read from the sandbox now. */
export async function sandboxBilling(
  stripe: Stripe,
  customerId: string,
): Promise<Awaited<ReturnType<typeof storedBilling>>> {
  const snapshot = await fetchCustomerSnapshot(customerId, stripe);
  const now = new Date();
  return {
    subscriptions: snapshot.subscriptions
      .map((sub) => {
        const { stripeSyncedAt: _synced, stripeCustomerId: _customer, ...fields } = subscriptionFields(sub, now);
        return fields;
      })
      .sort((a, b) => byId(a.stripeSubscriptionId, b.stripeSubscriptionId)),
    invoices: snapshot.invoices
      .map((invoice) => {
        const { currency: _currency, ...fields } = invoiceFields(invoice);
        return fields;
      })
      .sort((a, b) => byId(a.stripeInvoiceId, b.stripeInvoiceId)),
  };
}

/** Credits of one subscriber, summed by status in cents. */
export async function creditCents(db: Executor, subscriberId: string): Promise<Partial<Record<CreditStatus, number>>> {
  const rows = await db
    .select({ status: creditsStatus, cents: sql<number>`sum(${creatorCredits.amountCents})::int` })
    .from(creatorCredits)
    .where(eq(creatorCredits.subscriberId, subscriberId))
    .groupBy(creatorCredits.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.cents]));
}
const creditsStatus = creatorCredits.status;

/** Every table a webhook may write, as comparable rows: to prove a failed delivery wrote nothing. */
export async function webhookTables(db: Executor) {
  return {
    events: await db.select().from(processedStripeEvents).orderBy(asc(processedStripeEvents.id)),
    subscriptions: await db.select().from(subscriptions).orderBy(asc(subscriptions.id)),
    invoices: await db.select().from(invoices).orderBy(asc(invoices.id)),
    credits: await db.select().from(creatorCredits).orderBy(asc(creatorCredits.id)),
    emails: await db.select().from(emailOutbox).orderBy(asc(emailOutbox.id)),
    trialUsed: await db.select({ id: users.id, at: users.trialUsedAt }).from(users).orderBy(asc(users.id)),
  };
}

/**
 * The database, except that the `failAt`-th statement (select/insert/update/delete/execute, inside or outside a
 * transaction) throws: a crash in the middle of a handler. `count` says how many statements ran.
 */
export function faultyDb(db: Db, failAt: number): { db: Db; count: () => number } {
  let statements = 0;
  const STATEMENTS = new Set(["select", "selectDistinct", "insert", "update", "delete", "execute"]);
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, property) {
        const value = Reflect.get(object, property, object) as unknown;
        if (typeof value !== "function") return value;
        if (property === "transaction") {
          return (run: (tx: unknown) => Promise<unknown>, ...rest: unknown[]) =>
            (value as (...args: unknown[]) => unknown).call(object, (tx: object) => run(wrap(tx)), ...rest);
        }
        if (typeof property === "string" && STATEMENTS.has(property)) {
          return (...args: unknown[]) => {
            statements += 1;
            if (statements === failAt) throw new Error(`injected failure at statement ${failAt} (${property})`);
            return (value as (...a: unknown[]) => unknown).apply(object, args);
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(object);
      },
    });
  return { db: wrap(db), count: () => statements };
}

/** The Stripe client, except that `resource.method` fails like a dropped connection. */
export function faultyStripe(
  stripe: Stripe,
  resource: "subscriptions" | "invoices" | "charges" | "customers",
  method: string,
): Stripe {
  return new Proxy(stripe, {
    get(object, property) {
      const value = Reflect.get(object, property, object) as unknown;
      if (property !== resource || typeof value !== "object" || value === null) return value;
      return new Proxy(value, {
        get(inner, name) {
          const fn = Reflect.get(inner, name, inner) as unknown;
          if (name === method) return () => Promise.reject(new Error("socket hang up (injected)"));
          return typeof fn === "function" ? (fn as (...a: unknown[]) => unknown).bind(inner) : fn;
        },
      });
    },
  });
}

/** Seeded random order (mulberry32), so a failing shuffle can be replayed. */
export function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** A creator with 10 premium flows, and a subscriber who paid the first month and copied `copies` of them. */
export async function payingSubscriber(
  world: { db: Db; sandbox: TestSandbox; send: Deliverer },
  name: string,
  copies: number,
) {
  const { db, sandbox, send } = world;
  const creator = await makeUser(db, `${name}'s creator`);
  const slugs = await makeFlows(db, { userId: creator.user.id, tenantId: creator.tenant.id }, 10);
  const payer = await subscribe(db, sandbox, name, { trial: false, card: VISA });
  // Stripe bills in advance: checkout.session.completed and invoice.paid arrive before the subscriber copies.
  await send.deliverPending(sandbox, payer.customerId);
  // Copies at the sandbox's time (earlier tests move its clock), one a second.
  const { now } = await sandbox.get<{ now: number }>("now");
  for (const [i, slug] of slugs.slice(0, copies).entries()) {
    await recordCopy(db, { userId: payer.userId, slug, source: "web", now: new Date((now + i) * 1000) });
  }
  return { payer, creator, slugs };
}
