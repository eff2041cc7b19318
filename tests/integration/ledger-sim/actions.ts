// The ledger simulation's vocabulary: what subscribers, Stripe, the webhook endpoint and the payout job may do, as
// fast-check arbitraries, and how each is carried out against the sandbox and the app's real code.
import { eq } from "drizzle-orm";
import fc from "fast-check";
import type Stripe from "stripe";
import { tenants } from "@/db/schema";
import { createPortalUrl } from "@/lib/billing/portal";
import { startCheckout } from "@/lib/billing/checkout";
import { syncSubscriptionFromStripe } from "@/lib/billing/sync";
import { recordCopy } from "@/lib/copies/record-copy";
import { AppError } from "@/lib/errors";
import { runPayoutJob } from "@/lib/payouts/job";
import { previousMonth } from "@/lib/payouts/month";
import { retryFailedPayouts } from "@/lib/payouts/retry";
import { runMonthlyPayouts } from "@/lib/payouts/run";
import { submitForm } from "../../sandbox/helpers";
import { VISA } from "../billing-support";
import { SUBSCRIBER_NAMES, type SimWorld } from "./world";

/** A card that outlives any simulated calendar (the sandbox refuses an expired one). */
const CARD = { ...VISA, card_expiry: "12 / 2099" };
const who = fc.nat({ max: SUBSCRIBER_NAMES.length - 1 });

export const actionArbitrary = fc.oneof(
  {
    weight: 3,
    // Through the app's checkout: the trial (once per person) without a card, or paying with one; `double`: two
    // checkouts opened together, both completed.
    arbitrary: fc.record({ kind: fc.constant("subscribe"), who, withoutCard: fc.boolean(), double: fc.boolean() }),
  },
  {
    weight: 14,
    arbitrary: fc.record({
      kind: fc.constant("copy"),
      who,
      // Mostly the onboarded creator's flows, in batches big enough to reach the cap and the payout threshold: the
      // flows after the ones this subscriber copied last, or (`again`) some of those first, copied again.
      creator: fc.constantFrom(0, 0, 0, 0, 0, 1),
      count: fc.noBias(fc.integer({ min: 20, max: 100 })),
      again: fc.constantFrom(0, 0, 10, 40),
    }),
  },
  // Everyone copies a batch of the onboarded creator's flows: a busy week, enough money for payouts and deductions.
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("busy"), count: fc.noBias(fc.integer({ min: 40, max: 100 })) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("card"), who }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("failRenewal"), who }) },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant("advance"),
      days: fc.noBias(fc.integer({ min: 1, max: 40 })),
      // The payout cron runs on the 1st of each month the days cross, unless it is down.
      cron: fc.constantFrom(true, true, false),
    }),
  },
  {
    weight: 4,
    // Of the latest charge, or of an older one (a period whose credits may be paid out already); in part (two times
    // in three) or in full.
    arbitrary: fc.record({
      kind: fc.constant("refund"),
      who,
      charge: fc.constantFrom(0, 0, 1, 2),
      amount: fc.oneof(
        { weight: 1, arbitrary: fc.constant(null) },
        { weight: 2, arbitrary: fc.integer({ min: 1, max: 999 }) },
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("dispute"), who, inquiry: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("disputeOutcome"),
      who,
      outcome: fc.constantFrom("won", "lost", "warning_closed", "escalate"),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("resume"), who, addCard: fc.boolean() }) },
  // At the period's end from the portal, or at once (by an admin, in Stripe's dashboard): open invoices stay open.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cancel"), who, immediately: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("renew"), who }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("invoice"), who, to: fc.constantFrom("uncollectible", "void", "pay") }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("balance"), who }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("deliver"),
      share: fc.constantFrom(0.2, 0.5, 0.8, 1),
      twice: fc.boolean(),
      seed: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("redeliver"), count: fc.integer({ min: 1, max: 5 }), seed: fc.nat() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("crashDelivery"), failAt: fc.integer({ min: 1, max: 40 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("payouts"),
      crash: fc.constantFrom(null, "beforeTransfer", "afterTransfer", "afterConfirm"),
      failTransfers: fc.nat({ max: 2 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("retry") }) },
  // An admin reverses a creator's latest transfer in full in Stripe's dashboard.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("reverseTransfer") }) },
);

export type Action = typeof actionArbitrary extends fc.Arbitrary<infer A> ? A : never;

class Crash extends Error {}

/** Stripe refused (an invalid request for the objects' current state) or the app said no: the action did nothing. */
function refused(error: unknown): boolean {
  if (error instanceof AppError) return true;
  const e = error as { type?: string; statusCode?: number; message?: string };
  if (e.type === "StripeInvalidRequestError" || e.type === "StripeCardError") return true;
  return /\/_sandbox\/.*: 4\d\d /.test(String(e.message));
}

async function attempt(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!refused(error)) throw error;
  }
}

async function liveSubscription(sim: SimWorld, customerId: string | null): Promise<Stripe.Subscription | null> {
  if (!customerId) return null;
  const list = await sim.stripe.subscriptions.list({ customer: customerId, status: "all" });
  return list.data.find((s) => !["canceled", "incomplete_expired"].includes(s.status)) ?? null;
}

async function portal(sim: SimWorld, customerId: string, action: string, fields: Record<string, string>) {
  await submitForm(`${await createPortalUrl(customerId)}/${action}`, fields);
}

/** Carries out one action. Everything that happens is what a subscriber, Stripe or an operator could do. */
export async function perform(sim: SimWorld, action: Action): Promise<void> {
  const s = "who" in action ? sim.subscribers[action.who]! : null;
  switch (action.kind) {
    case "subscribe": {
      if (await liveSubscription(sim, s!.customerId)) return;
      const open = () => startCheckout(sim.db, { userId: s!.userId, personalTenantId: s!.tenantId, input: {} });
      const sessions = action.double ? [await open(), await open()] : [await open()];
      const fields = action.withoutCard
        ? { email: s!.email, action: "trial_without_card" }
        : { email: s!.email, action: "pay", ...CARD };
      for (const session of sessions) if (session.kind === "checkout") await submitForm(session.url, fields);
      const [tenant] = await sim.db.select().from(tenants).where(eq(tenants.id, s!.tenantId));
      s!.customerId = tenant!.stripeCustomerId;
      // The checkout success page syncs from Stripe at once (lib/billing/checkout-return.ts), at the sandbox's time.
      if (s!.customerId) {
        await syncSubscriptionFromStripe(sim.db, s!.customerId, sim.stripe, { now: await sim.tick() });
      }
      return;
    }
    case "copy":
      await copyBatch(sim, action.who, action.creator, action.count, action.again);
      return;
    case "busy":
      for (const who of SUBSCRIBER_NAMES.keys()) await copyBatch(sim, who, 0, action.count, 0);
      return;
    case "card":
      if (s!.customerId) await portal(sim, s!.customerId, "card", CARD);
      return;
    case "resume": {
      // A paused subscription (a trial that ended without a card): the subscriber adds a card and resumes, paying.
      const sub = await liveSubscription(sim, s!.customerId);
      if (sub?.status !== "paused") return;
      if (action.addCard) await portal(sim, s!.customerId!, "card", CARD);
      await portal(sim, s!.customerId!, "resume", { subscription: sub.id });
      return;
    }
    case "renew": {
      const sub = await liveSubscription(sim, s!.customerId);
      if (sub?.cancel_at_period_end) await portal(sim, s!.customerId!, "renew", { subscription: sub.id });
      return;
    }
    case "failRenewal": {
      const sub = await liveSubscription(sim, s!.customerId);
      if (sub) await attempt(() => sim.sandbox.post(`subscriptions/${sub.id}/fail-next-renewal`));
      return;
    }
    case "advance": {
      const target = (await sim.clock()) + action.days * 86_400 + 3_600;
      for (let now = await sim.clock(); action.cron; now = await sim.clock()) {
        const first = new Date(now * 1000);
        const cronAt = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1, 0, 30) / 1000;
        if (cronAt > target) break;
        await sim.advanceTo(cronAt);
        const at = await sim.tick();
        await runPayoutJob(sim.db, { month: previousMonth(at), now: at, stripe: sim.stripe });
      }
      await sim.advanceTo(target);
      return;
    }
    case "refund": {
      if (!s!.customerId) return;
      const charges = (await sim.stripe.charges.list({ customer: s!.customerId, limit: 100 })).data;
      const charge = charges.filter((c) => c.status === "succeeded" && !c.refunded)[action.charge];
      if (!charge) return;
      await attempt(() =>
        sim.stripe.refunds.create({ charge: charge.id, ...(action.amount === null ? {} : { amount: action.amount }) }),
      );
      return;
    }
    case "dispute":
      if (s!.customerId) {
        await attempt(() =>
          sim.sandbox.post("charges/last/dispute", { customer: s!.customerId, inquiry: action.inquiry }),
        );
      }
      return;
    case "disputeOutcome": {
      const dispute = await openDispute(sim, s!.customerId);
      if (!dispute) return;
      await attempt(() =>
        action.outcome === "escalate"
          ? sim.sandbox.post(`disputes/${dispute.id}/escalate`)
          : sim.sandbox.post(`disputes/${dispute.id}/close`, { status: action.outcome }),
      );
      return;
    }
    case "cancel": {
      const sub = await liveSubscription(sim, s!.customerId);
      if (!sub) return;
      if (action.immediately) await sim.stripe.subscriptions.cancel(sub.id);
      else await portal(sim, s!.customerId!, "cancel", { subscription: sub.id });
      return;
    }
    case "invoice": {
      if (!s!.customerId) return;
      const invoices = await sim.stripe.invoices.list({ customer: s!.customerId, limit: 20 });
      const invoice = invoices.data.find((i) => i.status === "open" || i.status === "uncollectible");
      if (!invoice) return;
      await attempt(() =>
        action.to === "void"
          ? sim.stripe.invoices.voidInvoice(invoice.id!)
          : action.to === "uncollectible"
            ? sim.stripe.invoices.markUncollectible(invoice.id!)
            : sim.stripe.invoices.pay(invoice.id!, { payment_method: "pm_card_visa" }),
      );
      return;
    }
    case "balance":
      if (s!.customerId) await sim.stripe.customers.update(s!.customerId, { balance: -1000 });
      return;
    case "deliver":
      await sim.feed.deliverSome(action.share, action.twice, action.seed);
      return;
    case "redeliver":
      await sim.feed.redeliver(action.count, action.seed);
      return;
    case "crashDelivery":
      await sim.feed.deliverWithCrash(action.failAt);
      return;
    case "payouts": {
      const now = await sim.tick();
      if (action.failTransfers > 0) await sim.sandbox.post("transfers/fail-next", { count: action.failTransfers });
      const crash = action.crash;
      const hooks = crash
        ? {
            [crash]: () => {
              throw new Crash(`killed at ${crash}`);
            },
          }
        : undefined;
      try {
        await runMonthlyPayouts(sim.db, { month: previousMonth(now), now, stripe: sim.stripe, hooks });
      } catch (error) {
        if (!(error instanceof Crash)) throw error;
      }
      return;
    }
    case "retry":
      // Days later, when the backoff of a failed transfer is over.
      await sim.advanceTo((await sim.clock()) + 4 * 86_400);
      await retryFailedPayouts(sim.db, { now: await sim.tick(), stripe: sim.stripe });
      return;
    case "reverseTransfer": {
      const [transfer] = (await sim.stripe.transfers.list({ limit: 1 })).data;
      if (transfer && !transfer.reversed) await sim.stripe.transfers.createReversal(transfer.id);
      return;
    }
  }
}

/**
 * Subscriber `who` copies `count` flows of a creator, one a second: the flows after the ones it copied last, or
 * `again` of those first. A refusal (no access, the trial's limit, the rate limit, a period Stripe is renewing) ends
 * the batch, as a person would stop.
 */
export async function copyBatch(sim: SimWorld, who: number, creatorIndex: number, count: number, again: number) {
  const s = sim.subscribers[who]!;
  const creator = sim.creators[creatorIndex]!;
  const stripeSub = await liveSubscription(sim, s.customerId);
  const now = await sim.tick();
  const trialing = stripeSub?.status === "trialing" && (stripeSub.trial_end ?? 0) * 1000 > now.getTime();
  const cursor = `${who}|${creatorIndex}`;
  const first = Math.max(0, (sim.cursors.get(cursor) ?? 0) - again);
  sim.cursors.set(cursor, first + count);
  for (let i = 0; i < count; i++) {
    const slug = creator.slugs[(first + i) % creator.slugs.length]!;
    try {
      const result = await recordCopy(sim.db, {
        userId: s.userId,
        slug,
        source: "web",
        now: i === 0 ? now : await sim.tick(),
        stripe: sim.stripe,
      });
      sim.copies += 1;
      // Rule 5: a trial's copies pay nobody.
      if (trialing && result.copy.countedForPayout) throw new Error(`a trial copy of ${slug} was counted`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      sim.refusedCopies[error.code] = (sim.refusedCopies[error.code] ?? 0) + 1;
      return;
    }
  }
}

async function openDispute(sim: SimWorld, customerId: string | null): Promise<Stripe.Dispute | null> {
  if (!customerId) return null;
  const charges = new Set((await sim.stripe.charges.list({ customer: customerId, limit: 100 })).data.map((c) => c.id));
  const disputes = await sim.stripe.disputes.list({ limit: 100 });
  return (
    disputes.data.find(
      (d) => charges.has(d.charge as string) && !["won", "lost", "warning_closed"].includes(d.status),
    ) ?? null
  );
}
