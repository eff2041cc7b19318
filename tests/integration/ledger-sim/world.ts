// One simulated marketplace: two creators (one onboarded for payouts, one not: it accrues), five people who may
// subscribe, the Stripe sandbox, and a webhook feed that delivers Stripe's events late, twice and out of order.
import type Stripe from "stripe";
import type { Db } from "@/db/types";
import { handleStripeEvent, type DispatchOutcome } from "@/lib/billing/webhooks/dispatch";
import { makeFlows, makeUser } from "../../helpers/world";
import type { TestSandbox } from "../../sandbox/helpers";
import { faultyDb, shuffle, verified } from "../billing-support";
import { onboardedCreator, type Creator, type MoneyWorld } from "../money-support";

export type SimSubscriber = { userId: string; tenantId: string; email: string; customerId: string | null };

/** Flows per creator: more than one subscriber can copy in a period (100), so the cap is reachable. */
const FLOWS = 130;
/** Would-be subscribers: enough that some keep paying whatever happens to the others, so payouts happen. */
export const SUBSCRIBER_NAMES = ["Ann", "Ben", "Cy", "Dee", "Eve"];

/**
 * The first instant of a run: `day` days into a fixed year, at 10:00 UTC. Each run starts from an empty sandbox at
 * this instant, so a replayed seed replays the same calendar (period ends against month ends and payout runs).
 * 2030 while it lies ahead (the sandbox clock only moves forward), the next year afterwards.
 */
export function startInstant(day: number): number {
  const year = Math.max(2030, new Date().getUTCFullYear() + 1);
  return Date.UTC(year, 0, 1 + day, 10) / 1000;
}

export class SimWorld {
  readonly db: Db;
  readonly sandbox: TestSandbox;
  readonly stripe: Stripe;
  readonly feed: EventFeed;
  creators: Creator[] = [];
  subscribers: SimSubscriber[] = [];
  copies = 0;
  refusedCopies: Record<string, number> = {};
  /** Per subscriber and creator (`who|creator`), where the next copy batch starts in the creator's flows. */
  readonly cursors = new Map<string, number>();
  private last = 0;

  constructor(readonly money: MoneyWorld) {
    this.db = money.db;
    this.sandbox = money.sandbox;
    this.stripe = money.stripe;
    this.feed = new EventFeed(this);
  }

  /**
   * An empty database and an empty sandbox (its webhook delivery off: the feed delivers) at `startAt`, then the
   * run's creators and would-be subscribers.
   */
  async populate(run: number, startAt: number) {
    await this.money.t.reset();
    await this.sandbox.post("reset");
    await this.sandbox.post("webhooks", { enabled: false });
    await this.sandbox.post("clock/advance", { to: startAt });
    const onboarded = await onboardedCreator(this.money, `Sim creator ${run}a`, FLOWS);
    const { user, tenant } = await makeUser(this.db, `Sim creator ${run}b`);
    const slugs = await makeFlows(this.db, { userId: user.id, tenantId: tenant.id }, FLOWS);
    this.creators = [onboarded, { id: user.id, email: user.email, tenantId: tenant.id, slugs, accountId: "" }];
    this.subscribers = [];
    for (const name of SUBSCRIBER_NAMES) {
      const { user: u, tenant: t } = await makeUser(this.db, `Sim ${name} ${run}`);
      this.subscribers.push({ userId: u.id, tenantId: t.id, email: u.email, customerId: null });
    }
    await this.feed.start();
  }

  /**
   * The simulation's clock: Stripe's (sandbox) time, strictly increasing by at least a second per call, so copies,
   * webhooks and payout runs happen in one order of time.
   */
  async tick(): Promise<Date> {
    this.last = Math.max(await this.clock(), this.last + 1);
    return new Date(this.last * 1000);
  }

  /** The latest of Stripe's time and the simulation's, in unix seconds (ticks may run a little ahead of Stripe). */
  async clock(): Promise<number> {
    const { now } = await this.sandbox.get<{ now: number }>("now");
    return Math.max(now, this.last);
  }

  /** Moves Stripe's clock to `at` (unix seconds); what falls due on the way happens (renewals, trial ends...). */
  async advanceTo(at: number) {
    const { now } = await this.sandbox.get<{ now: number }>("now");
    if (at > now) await this.sandbox.post("clock/advance", { to: at });
  }
}

/** Stripe's events of the run, delivered to the app's dispatcher in whatever order and number the run chooses. */
export class EventFeed {
  /** Event types in the order they were delivered (repeats included). */
  readonly order: string[] = [];
  /** Events delivered (the app answered), in delivery order. */
  private readonly done: Stripe.Event[] = [];
  private readonly delivered = new Set<string>();
  /** Every event of the sandbox so far, oldest first. */
  private readonly known: Stripe.Event[] = [];

  constructor(private readonly sim: SimWorld) {}

  /** The events onboarding the creators caused were delivered by onboardedCreator: the run starts after them. */
  async start() {
    await this.refresh();
    for (const event of this.known) this.delivered.add(event.id);
  }

  /** Reads the events Stripe created since the last call (a page is newest first; `ending_before` the newest known). */
  private async refresh() {
    if (this.known.length === 0) {
      await this.sim.stripe.events.list({ limit: 100 }).autoPagingEach((event) => void this.known.unshift(event));
      return;
    }
    for (;;) {
      const page = await this.sim.stripe.events.list({ limit: 100, ending_before: this.known.at(-1)!.id });
      this.known.push(...page.data.reverse());
      if (!page.has_more || page.data.length === 0) return;
    }
  }

  async pending(): Promise<Stripe.Event[]> {
    await this.refresh();
    return this.known.filter((e) => !this.delivered.has(e.id));
  }

  private async deliver(event: Stripe.Event, db: Db = this.sim.db): Promise<DispatchOutcome> {
    const now = await this.sim.tick();
    const outcome = await handleStripeEvent(db, verified(event), this.sim.stripe, { now: () => now });
    if (!this.delivered.has(event.id)) this.done.push(event);
    this.delivered.add(event.id);
    this.order.push(event.type);
    return outcome;
  }

  /** A share of the events not delivered yet, shuffled, some twice; the rest come later. */
  async deliverSome(share: number, twice: boolean, seed: number) {
    const pending = shuffle(await this.pending(), seed);
    const batch = pending.slice(0, Math.ceil(pending.length * share));
    for (const [i, event] of batch.entries()) {
      await this.deliver(event);
      if (twice && i % 2 === 0) await this.expectDuplicate(event);
    }
  }

  /**
   * Stripe sends again events the app already answered (our 200 was lost, or a replay from the dashboard), at any
   * later time: each must be a no-op.
   */
  async redeliver(count: number, seed: number) {
    for (const event of shuffle(this.done, seed).slice(0, count)) await this.expectDuplicate(event);
  }

  private async expectDuplicate(event: Stripe.Event) {
    const outcome = await this.deliver(event);
    if (outcome !== "duplicate" && outcome !== "ignored") {
      throw new Error(`${event.type} ${event.id} delivered again was ${outcome}, not a duplicate`);
    }
  }

  /** The oldest pending event, with the database failing at its `failAt`-th statement: nothing or all of it lands. */
  async deliverWithCrash(failAt: number) {
    const [event] = await this.pending();
    if (!event) return;
    try {
      await this.deliver(event, faultyDb(this.sim.db, failAt).db);
    } catch (error) {
      if (!String(error).includes("injected failure")) throw error;
    }
  }

  /** Everything left, until Stripe has nothing more to say (a delivery can make the app call Stripe again). */
  async deliverAll(seed: number) {
    for (let round = 0; (await this.pending()).length > 0; round++) {
      if (round > 20) throw new Error("the webhook feed does not settle");
      await this.deliverSome(1, true, seed + round);
    }
  }
}
