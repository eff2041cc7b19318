import { COPY_CREDIT_CENTS, PLANS } from "@/lib/plans";
import type { PlannedFlow } from "./catalog";
import { invoiceStripeId, type PlannedSubscription } from "./demo-billing";
import { seedUuid } from "./ids";
import { DEMO_CREATOR_HANDLE } from "./people";
import { Rng } from "./random";
import { addDays, addMs, maxDate, minDate, type Period, startOfUtcMonth, utcMonthLabel } from "./time";

/** How much more often readers copy the demo creator's flows: its dashboard should look lived in. */
const DEMO_CREATOR_POPULARITY = 3;
/** How often a fan's copy goes to one of the demo creator's flows (while any is left to copy this period). */
const FAN_SHARE = 0.6;
/** Distinct demo-creator flows among the demo subscriber's copies this period. */
const SUBSCRIBER_DEMO_CREATOR_COPIES = 6;
const ACTIVITY_WINDOW_DAYS = 90;

export type PlannedCopy = {
  id: string;
  subscription: PlannedSubscription;
  periodIndex: number;
  flow: PlannedFlow;
  createdAt: Date;
  countedForPayout: boolean;
};

export type PlannedCredit = {
  id: string;
  copy: PlannedCopy;
  amountCents: number;
  status: "pending" | "earned" | "paid_out";
  invoiceStripeId: string | null;
  earnedAt: Date | null;
  updatedAt: Date;
};

type PlannedUsage = { email: string; period: Period; copies: number; paidCopies: number; updatedAt: Date };

type PlannedPayout = {
  id: string;
  creatorEmail: string;
  month: string;
  stripeTransferId: string;
  createdAt: Date;
  paidAt: Date;
};

export type ActivityPlan = {
  copies: PlannedCopy[];
  usage: PlannedUsage[];
  credits: PlannedCredit[];
  payout: PlannedPayout;
};

type Draw = { flow: PlannedFlow; at: Date };

const popularityCache = new WeakMap<PlannedFlow, number>();

/** A fixed, heavy-tailed popularity per flow (a few flows get most copies, as in any marketplace). */
export function popularity(flow: PlannedFlow): number {
  let weight = popularityCache.get(flow);
  if (weight === undefined) {
    const u = new Rng(`popularity:${flow.slug}`).next();
    weight = (1 / (0.08 + u)) * (flow.creatorHandle === DEMO_CREATOR_HANDLE ? DEMO_CREATOR_POPULARITY : 1);
    popularityCache.set(flow, weight);
  }
  return weight;
}

/** Weighted draw among `pool` flows published by `at` and not yet copied in this period. */
function drawFlow(rng: Rng, pool: readonly PlannedFlow[], at: Date, taken: ReadonlySet<string>): PlannedFlow | null {
  const weights = pool.map((f) => (taken.has(f.slug) || f.publishedAt.getTime() > at.getTime() ? 0 : popularity(f)));
  const index = rng.weightedIndex(weights);
  return index < 0 ? null : pool[index];
}

function periodIndexAt(periods: readonly Period[], at: Date): number {
  for (let i = periods.length - 1; i >= 0; i--) if (periods[i].start.getTime() <= at.getTime()) return i;
  return 0;
}

/** The demo subscriber: `copyTarget` distinct premium flows this period, from several creators. */
function subscriberDraws(sub: PlannedSubscription, flows: readonly PlannedFlow[], now: Date): Draw[][] {
  const rng = new Rng("subscriber-copies");
  const start = sub.periods[sub.periods.length - 1].start;
  const premium = flows.filter((f) => f.isPremium);
  const fromDemo = premium.filter((f) => f.creatorHandle === DEMO_CREATOR_HANDLE);
  const others = premium.filter((f) => f.creatorHandle !== DEMO_CREATOR_HANDLE);
  const taken = new Set<string>();
  const picks: PlannedFlow[] = [];
  const take = (pool: PlannedFlow[], until: number) => {
    while (picks.length < until) {
      const flow = drawFlow(rng, pool, start, taken);
      if (!flow) return;
      taken.add(flow.slug);
      picks.push(flow);
    }
  };
  take(fromDemo, SUBSCRIBER_DEMO_CREATOR_COPIES);
  take(others, sub.copyTarget);
  if (picks.length < sub.copyTarget) throw new Error("Seed: not enough premium flows for the demo subscriber");
  const times = picks.map(() => rng.between(start, now)).sort((a, b) => a.getTime() - b.getTime());
  // Interleave creators: a fixed shuffle of the picks over the sorted times.
  const shuffled = picks
    .map((flow) => ({ flow, key: new Rng(`subscriber-order:${flow.slug}`).next() }))
    .sort((a, b) => a.key - b.key);
  const draws = shuffled.map(({ flow }, i) => ({ flow, at: times[i] }));
  return sub.periods.map((_, i) => (i === sub.periods.length - 1 ? draws : []));
}

/** A reader: `copyTarget` copies at random times over the last ~90 days, distinct flows within each period. */
function readerDraws(sub: PlannedSubscription, flows: readonly PlannedFlow[], now: Date): Draw[][] {
  const rng = new Rng(`reader-copies:${sub.key}`);
  const windowStart = maxDate(sub.periods[0].start, addDays(now, -ACTIVITY_WINDOW_DAYS));
  const times = Array.from({ length: sub.copyTarget }, () => rng.between(windowStart, now));
  const previous = sub.periods.length >= 2 ? sub.periods[sub.periods.length - 2] : null;
  // A reader who renewed this month makes its first copy a demo-creator flow mid last period, so the demo
  // creator always has credits that are earned but not yet paid out.
  const forcedAt =
    sub.endedThisMonth && previous
      ? new Date(Math.floor((previous.start.getTime() + previous.end.getTime()) / 2000) * 1000)
      : null;
  if (forcedAt) times[0] = forcedAt;
  const byPeriod: Draw[][] = sub.periods.map(() => []);
  const taken = sub.periods.map(() => new Set<string>());
  const demoFlows = flows.filter((f) => f.isPremium && f.creatorHandle === DEMO_CREATOR_HANDLE);
  times.forEach((at, i) => {
    const p = periodIndexAt(sub.periods, at);
    const wantsDemo = (i === 0 && forcedAt !== null) || (sub.demoCreatorFan && rng.chance(FAN_SHARE));
    const flow = (wantsDemo ? drawFlow(rng, demoFlows, at, taken[p]) : null) ?? drawFlow(rng, flows, at, taken[p]);
    if (!flow) return;
    taken[p].add(flow.slug);
    byPeriod[p].push({ flow, at });
  });
  for (const draws of byPeriod) draws.sort((a, b) => a.at.getTime() - b.at.getTime());
  return byPeriod;
}

/**
 * Every copy, credit and usage row, following "The copy" in PRODUCT.md: one copy per (user, flow, period);
 * the first PLANS.premium.paidCopiesPerPeriod premium copies of a period qualify; free flows and self-copies earn
 * nothing. Finished periods were paid, so their credits are earned; the demo creator's credits earned before the
 * 1st of this month went out in last month's payout.
 */
export function planActivity(
  subs: readonly PlannedSubscription[],
  flows: readonly PlannedFlow[],
  now: Date,
  demoCreatorEmail: string,
): ActivityPlan {
  const payoutRunAt = startOfUtcMonth(now);
  const payout: PlannedPayout = {
    id: seedUuid("payout", `${demoCreatorEmail}:${utcMonthLabel(addDays(payoutRunAt, -1))}`),
    creatorEmail: demoCreatorEmail,
    month: utcMonthLabel(addDays(payoutRunAt, -1)),
    stripeTransferId: `tr_seed_democreator_${utcMonthLabel(addDays(payoutRunAt, -1)).replace("-", "_")}`,
    createdAt: payoutRunAt,
    paidAt: minDate(addMs(payoutRunAt, 7 * 60_000), now),
  };
  const cap = PLANS.premium.paidCopiesPerPeriod;
  const copies: PlannedCopy[] = [];
  const usage: PlannedUsage[] = [];
  const credits: PlannedCredit[] = [];

  for (const sub of subs) {
    const draws = sub.key === "subscriber" ? subscriberDraws(sub, flows, now) : readerDraws(sub, flows, now);
    draws.forEach((periodDraws, periodIndex) => {
      if (periodDraws.length === 0) return;
      const period = sub.periods[periodIndex];
      const isCurrent = periodIndex === sub.periods.length - 1;
      let paid = 0;
      for (const { flow, at } of periodDraws) {
        const counted = flow.isPremium && flow.creatorEmail !== sub.email && paid < cap;
        if (counted) paid++;
        const copy: PlannedCopy = {
          id: seedUuid("copy", `${sub.email}:${flow.slug}:${period.start.toISOString()}`),
          subscription: sub,
          periodIndex,
          flow,
          createdAt: at,
          countedForPayout: counted,
        };
        copies.push(copy);
        if (!counted) continue;
        const earnedAt = isCurrent ? null : period.end;
        const paidOut =
          earnedAt !== null && flow.creatorEmail === demoCreatorEmail && earnedAt.getTime() < payoutRunAt.getTime();
        credits.push({
          id: seedUuid("credit", copy.id),
          copy,
          amountCents: COPY_CREDIT_CENTS,
          status: isCurrent ? "pending" : paidOut ? "paid_out" : "earned",
          invoiceStripeId: isCurrent ? null : invoiceStripeId(sub.key, periodIndex),
          earnedAt,
          updatedAt: paidOut ? payout.paidAt : (earnedAt ?? at),
        });
      }
      usage.push({
        email: sub.email,
        period,
        copies: periodDraws.length,
        paidCopies: paid,
        updatedAt: periodDraws[periodDraws.length - 1].at,
      });
    });
  }
  return { copies, usage, credits, payout };
}
