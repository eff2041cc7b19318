// Issue 10: money that stays right under real Stripe timing. Each case of the issue, against the in-process Stripe
// sandbox and a real database: Stripe bills in advance, delivers late, lets an uncollectible invoice be paid later,
// opens inquiries that move no money. Exact cents: every credit is 7 cents ($0.07).
import { and, eq, inArray } from "drizzle-orm";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyEvents, subscriptions, users } from "@/db/schema";
import { createPortalUrl } from "@/lib/billing/portal";
import { startCheckout } from "@/lib/billing/checkout";
import { recordCopy } from "@/lib/copies/record-copy";
import { getEntitlement } from "@/lib/entitlements";
import { makeUser } from "../helpers/world";
import { submitForm } from "../sandbox/helpers";
import { DAY, VISA, subscribe, type Subscriber } from "./billing-support";
import {
  closeMoneyWorld,
  copyFlows,
  creditRows,
  creditsBy,
  onboardedCreator,
  openMoneyWorld,
  payingSubscriber,
  sandboxNow,
  type Creator,
  type MoneyWorld,
} from "./money-support";

let w: MoneyWorld;
let creator: Creator;
beforeAll(async () => {
  w = await openMoneyWorld();
  creator = await onboardedCreator(w, "Cora Creator", 120);
});
afterAll(() => closeMoneyWorld(w));

const subscriptionRow = async (s: Subscriber) =>
  (await w.db.select().from(subscriptions).where(eq(subscriptions.stripeSubscriptionId, s.subscriptionId)))[0]!;
const portal = async (customerId: string, action: string, fields: Record<string, string>) => {
  const response = await submitForm(`${await createPortalUrl(customerId)}/${action}`, fields);
  expect(response.status, await response.clone().text()).toBe(303);
};
const openInvoice = async (s: Subscriber) =>
  (await w.stripe.invoices.list({ customer: s.customerId, status: "open" })).data[0]!;
const latestInvoice = async (s: Subscriber) =>
  (await w.stripe.invoices.list({ subscription: s.subscriptionId, limit: 1 })).data[0]!;

describe("1. a copy is never recorded into a period that has ended", () => {
  it("after a renewal not yet synced, the copy syncs from Stripe and lands in the new period", async () => {
    const s = await payingSubscriber(w, "Rene Renewal");
    const [first] = await copyFlows(w, s, creator.slugs.slice(0, 1));
    // The clock reaches the period's end: Stripe renews and is paid; no webhook delivered yet.
    await w.sandbox.post("clock/next-renewal", { subscription: s.subscriptionId });
    const renewed = (await w.stripe.subscriptions.retrieve(s.subscriptionId)).items.data[0]!;

    const [again] = await copyFlows(w, s, creator.slugs.slice(0, 1), { now: await sandboxNow(w) });
    expect(again!.copy).toMatchObject({
      alreadyCopied: false,
      countedForPayout: true,
      copiesThisPeriod: 1,
      paidCopiesRemaining: 99,
      periodEnd: new Date(renewed.current_period_end * 1000).toISOString(),
    });
    expect(again!.copy.id).not.toBe(first!.copy.id);
    expect(await subscriptionRow(s)).toMatchObject({
      currentPeriodStart: new Date(renewed.current_period_start * 1000),
    });
    // Both periods were paid in advance: both credits are earned.
    expect(await creditsBy(w, s.userId)).toEqual({ earned: 14 });
  });

  it("a stale trialing row after the trial converted: the copy is a paying copy, not a trial copy", async () => {
    const s = await subscribe(w.db, w.sandbox, "Tia Converted", { trial: true });
    await w.send.deliverPending(w.sandbox, s.customerId);
    expect((await subscriptionRow(s)).status).toBe("trialing");
    await portal(s.customerId, "card", VISA);
    // The trial's end comes: with a card, Stripe converts it to a paid period; not delivered yet.
    await w.sandbox.post("clock/next-renewal", { subscription: s.subscriptionId });

    const [result] = await copyFlows(w, s, creator.slugs.slice(0, 1), { now: await sandboxNow(w) });
    expect(result!.copy).toMatchObject({ countedForPayout: true, paidCopiesRemaining: 99 });
    expect((await subscriptionRow(s)).status).toBe("active");
    expect(await creditsBy(w, s.userId)).toEqual({ earned: 7 });
  });

  it("a period Stripe has not renewed either: 503 with Retry-After, and nothing is recorded", async () => {
    const s = await payingSubscriber(w, "Lagging Lou");
    const row = await subscriptionRow(s);
    const after = new Date(row.currentPeriodEnd.getTime() + 60_000);
    const error = await copyFlows(w, s, creator.slugs.slice(0, 1), { now: after }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "unavailable", status: 503 });
    expect((error as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect(await w.db.select().from(copyEvents).where(eq(copyEvents.userId, s.userId))).toEqual([]);
  });

  it("a period that begins by Stripe's clock a moment after ours: retry when it starts, nothing recorded", async () => {
    const s = await payingSubscriber(w, "Skewed Sam");
    const row = await subscriptionRow(s);
    const justBefore = new Date(row.currentPeriodStart.getTime() - 1_500);
    const error = await copyFlows(w, s, creator.slugs.slice(0, 1), { now: justBefore }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "unavailable", status: 503, retryAfterSeconds: 2 });
    expect(await w.db.select().from(copyEvents).where(eq(copyEvents.userId, s.userId))).toEqual([]);
  });
});

describe("2. credits made after their period's invoice was paid are earned at once", () => {
  it("copies after invoice.paid (the usual case, Stripe bills in advance) are earned, with that invoice", async () => {
    const s = await payingSubscriber(w, "Ada Advance");
    await copyFlows(w, s, creator.slugs.slice(0, 3));
    const rows = await creditRows(w, s.userId);
    expect(rows.map((c) => c.status)).toEqual(["earned", "earned", "earned"]);
    expect(rows.every((c) => c.invoiceId !== null && c.earnedAt !== null)).toBe(true);
  });

  it("copies made before invoice.paid arrives wait as pending, then are earned", async () => {
    const s = await subscribe(w.db, w.sandbox, "Paula Pending", { trial: false, card: VISA });
    await w.send.deliverPending(w.sandbox, s.customerId, ["checkout.session.completed"]);
    // The checkout sync saw the paid invoice too: to see pending, Stripe must not have been paid yet. Use a renewal.
    await w.sandbox.post(`subscriptions/${s.subscriptionId}/fail-next-renewal`);
    await w.sandbox.post(`subscriptions/${s.subscriptionId}/end-period`);
    await w.send.deliverPending(w.sandbox, s.customerId);
    await copyFlows(w, s, creator.slugs.slice(0, 2));
    expect(await creditsBy(w, s.userId)).toEqual({ pending: 14 });
    await portal(s.customerId, "card", VISA); // pays the open invoice
    await w.send.deliverPending(w.sandbox, s.customerId);
    expect(await creditsBy(w, s.userId)).toEqual({ earned: 14 });
  });
});

describe("3. void is not final: a period paid later earns its credits again", () => {
  it("an uncollectible invoice paid later from the hosted invoice page", async () => {
    const s = await payingSubscriber(w, "Uma Uncollectible");
    await w.sandbox.post(`subscriptions/${s.subscriptionId}/fail-next-renewal`);
    await w.sandbox.post(`subscriptions/${s.subscriptionId}/end-period`);
    await w.send.deliverPending(w.sandbox, s.customerId);
    await copyFlows(w, s, creator.slugs.slice(0, 4));
    expect(await creditsBy(w, s.userId)).toEqual({ pending: 28 });
    const invoice = await openInvoice(s);
    await w.stripe.invoices.markUncollectible(invoice.id!);
    await w.send.deliverPending(w.sandbox, s.customerId);
    expect(await creditsBy(w, s.userId)).toEqual({ void: 28 });

    await w.stripe.invoices.pay(invoice.id!, { payment_method: "pm_card_mastercard" });
    await w.send.deliverPending(w.sandbox, s.customerId);
    expect((await w.stripe.invoices.retrieve(invoice.id!)).status).toBe("paid");
    expect(await creditsBy(w, s.userId)).toEqual({ earned: 28 });
  });

  it("an open invoice paid after Stripe canceled the subscription; moves the clock", async () => {
    const s = await payingSubscriber(w, "Otto Open");
    await w.sandbox.post(`subscriptions/${s.subscriptionId}/fail-next-renewal`);
    await w.sandbox.post(`subscriptions/${s.subscriptionId}/end-period`);
    await w.send.deliverPending(w.sandbox, s.customerId);
    await copyFlows(w, s, creator.slugs.slice(0, 2));
    await w.sandbox.post("clock/advance", { seconds: 16 * DAY }); // three failed retries, then canceled
    await w.send.deliverPending(w.sandbox, s.customerId);
    expect((await subscriptionRow(s)).status).toBe("canceled");
    expect(await creditsBy(w, s.userId)).toEqual({ void: 14 });

    const invoice = await openInvoice(s);
    await w.stripe.invoices.pay(invoice.id!, { payment_method: "pm_card_visa" });
    await w.send.deliverPending(w.sandbox, s.customerId);
    expect(await creditsBy(w, s.userId)).toEqual({ earned: 14 });
  });
});

describe("4. two checkouts opened together", () => {
  async function twoCheckouts(name: string, trial: boolean) {
    const { user, tenant } = await makeUser(w.db, name);
    if (!trial) await w.db.update(users).set({ trialUsedAt: new Date() }).where(eq(users.id, user.id));
    const open = () => startCheckout(w.db, { userId: user.id, personalTenantId: tenant.id, input: {} });
    const [a, b] = [await open(), await open()]; // both pass "no live subscription" before either completes
    if (a.kind !== "checkout" || b.kind !== "checkout") throw new Error("expected two checkouts");
    const fields = trial
      ? { email: user.email, action: "trial_without_card" }
      : { email: user.email, action: "pay", ...VISA };
    expect((await submitForm(a.url, fields)).status).toBe(303);
    expect((await submitForm(b.url, fields)).status).toBe(303);
    const customerId = (await w.stripe.customers.list({ email: user.email })).data[0]!.id;
    return { user, tenant, customerId };
  }

  it("both paid: the later subscription is canceled and refunded at once; one live subscription remains", async () => {
    const { user, tenant, customerId } = await twoCheckouts("Dup Dora", false);
    await w.send.deliverPending(w.sandbox, customerId);
    await w.send.deliverPending(w.sandbox, customerId); // the cancellation and refund the first delivery caused
    const inStripe = (await w.stripe.subscriptions.list({ customer: customerId, status: "all" })).data.sort(
      (x, y) => x.created - y.created || (x.id < y.id ? -1 : 1),
    );
    expect(inStripe.map((s) => s.status)).toEqual(["active", "canceled"]);
    const charges = (await w.stripe.charges.list({ customer: customerId })).data;
    expect(charges.map((c) => c.amount_refunded).sort()).toEqual([0, 1000]);
    const ours = await w.db.select().from(subscriptions).where(eq(subscriptions.tenantId, tenant.id));
    expect(ours.filter((s) => s.status !== "canceled").map((s) => s.stripeSubscriptionId)).toEqual([inStripe[0]!.id]);
    expect((await getEntitlement(w.db, { userId: user.id })).plan.id).toBe("premium");
  });

  it("both trials: the second trial is canceled, never granted", async () => {
    const { tenant, customerId } = await twoCheckouts("Dup Trina", true);
    await w.send.deliverPending(w.sandbox, customerId);
    const inStripe = (await w.stripe.subscriptions.list({ customer: customerId, status: "all" })).data;
    expect(inStripe.map((s) => s.status).sort()).toEqual(["canceled", "trialing"]);
    const live = await w.db
      .select()
      .from(subscriptions)
      .where(and(eq(subscriptions.tenantId, tenant.id), inArray(subscriptions.status, ["trialing", "active"])));
    expect(live).toHaveLength(1);
  });
});

describe("5. disputes: an inquiry moves no money; a won dispute restores", () => {
  it("an inquiry (warning_needs_response, then warning_closed) reverses nothing", async () => {
    const s = await payingSubscriber(w, "Ines Inquiry");
    await copyFlows(w, s, creator.slugs.slice(0, 3));
    const inquiry = await w.sandbox.post<Stripe.Dispute>("charges/last/dispute", {
      customer: s.customerId,
      inquiry: true,
    });
    await w.send.deliverPending(w.sandbox, s.customerId);
    expect(await creditsBy(w, s.userId)).toEqual({ earned: 21 });
    await w.sandbox.post(`disputes/${inquiry.id}/close`, { status: "warning_closed" });
    await w.send.deliverPending(w.sandbox, s.customerId);
    expect(await creditsBy(w, s.userId)).toEqual({ earned: 21 });
  });

  it("an inquiry escalated to a chargeback reverses; won, the credits are earned again", async () => {
    const s = await payingSubscriber(w, "Esca Late");
    await copyFlows(w, s, creator.slugs.slice(0, 3));
    const dispute = await w.sandbox.post<Stripe.Dispute>("charges/last/dispute", {
      customer: s.customerId,
      inquiry: true,
    });
    await w.sandbox.post(`disputes/${dispute.id}/escalate`);
    await w.send.deliverPending(w.sandbox, s.customerId);
    expect(await creditsBy(w, s.userId)).toEqual({ reversed: 21 });
    await w.sandbox.post(`disputes/${dispute.id}/close`, { status: "won" });
    await w.send.deliverPending(w.sandbox, s.customerId);
    expect(await creditsBy(w, s.userId)).toEqual({ earned: 21 });
  });
});

describe("6. a period's credits never exceed 70% of what was paid for it, net of refunds", () => {
  it("a renewal paid from a credit balance ($0) funds no credit", async () => {
    const s = await payingSubscriber(w, "Zed Zero");
    await w.stripe.customers.update(s.customerId, { balance: -1000 });
    await w.sandbox.post(`subscriptions/${s.subscriptionId}/end-period`);
    await w.send.deliverPending(w.sandbox, s.customerId);
    expect(await latestInvoice(s)).toMatchObject({ status: "paid", amount_paid: 0 });
    const results = await copyFlows(w, s, creator.slugs.slice(0, 3), { now: await sandboxNow(w) });
    expect(results.map((r) => r.copy.alreadyCopied)).toEqual([false, false, false]);
    expect(await creditsBy(w, s.userId)).toEqual({ void: 21 });
  });

  it("a partial refund reverses the newest credits until 70% of the net holds; later copies are not funded", async () => {
    const s = await payingSubscriber(w, "Pat Partial");
    await copyFlows(w, s, creator.slugs.slice(0, 30)); // 30 x 7 = 210
    await w.sandbox.post("charges/last/refund", { customer: s.customerId, amount: 800 }); // $2.00 left: funds 140
    await w.send.deliverPending(w.sandbox, s.customerId);
    const rows = await creditRows(w, s.userId);
    expect(rows.slice(0, 20).every((c) => c.status === "earned")).toBe(true);
    expect(rows.slice(20).every((c) => c.status === "reversed" && c.reversedAt !== null)).toBe(true);
    expect(await creditsBy(w, s.userId)).toEqual({ earned: 140, reversed: 70 });

    await copyFlows(w, s, creator.slugs.slice(30, 32));
    expect(await creditsBy(w, s.userId)).toEqual({ earned: 140, reversed: 70, void: 14 });
  });

  it("a $1 goodwill refund keeps every credit that $9.00 still funds (630 cents)", async () => {
    const s = await payingSubscriber(w, "Gus Goodwill");
    await copyFlows(w, s, creator.slugs.slice(0, 5));
    await w.sandbox.post("charges/last/refund", { customer: s.customerId, amount: 100 });
    await w.send.deliverPending(w.sandbox, s.customerId);
    expect(await creditsBy(w, s.userId)).toEqual({ earned: 35 });
  });

  it("a full refund reverses all; credits made after it are never pending", async () => {
    const s = await payingSubscriber(w, "Fiona Full");
    await copyFlows(w, s, creator.slugs.slice(0, 2));
    await w.sandbox.post("charges/last/refund", { customer: s.customerId });
    await w.send.deliverPending(w.sandbox, s.customerId);
    expect(await creditsBy(w, s.userId)).toEqual({ reversed: 14 });
    await copyFlows(w, s, creator.slugs.slice(2, 4));
    expect(await creditsBy(w, s.userId)).toEqual({ reversed: 14, void: 14 });
  });
});

describe("7. copies: idempotency keys and countedForPayout", () => {
  it("an Idempotency-Key reused in a later period records a new copy there, not a replay", async () => {
    const s = await payingSubscriber(w, "Kay Key");
    const [first] = await copyFlows(w, s, creator.slugs.slice(0, 1), { idempotencyKey: "copy-1" });
    const [replay] = await copyFlows(w, s, creator.slugs.slice(0, 1), { idempotencyKey: "copy-1" });
    expect(replay!.copy.id).toBe(first!.copy.id);
    await w.sandbox.post(`subscriptions/${s.subscriptionId}/end-period`);
    await w.send.deliverPending(w.sandbox, s.customerId);
    const [later] = await copyFlows(w, s, creator.slugs.slice(0, 1), {
      idempotencyKey: "copy-1",
      now: await sandboxNow(w),
    });
    expect(later!.copy.id).not.toBe(first!.copy.id);
    expect(later!.copy).toMatchObject({ alreadyCopied: false, countedForPayout: true });
    expect(later!.copy.periodEnd).not.toBe(first!.copy.periodEnd);
  });

  it("countedForPayout is true only for the request that created the qualifying copy", async () => {
    const s = await payingSubscriber(w, "Cal Counter");
    const [first] = await copyFlows(w, s, creator.slugs.slice(0, 1));
    const [repeat] = await copyFlows(w, s, creator.slugs.slice(0, 1));
    const [replay] = await copyFlows(w, s, creator.slugs.slice(1, 2), { idempotencyKey: "k" });
    const [replayed] = await copyFlows(w, s, creator.slugs.slice(1, 2), { idempotencyKey: "k" });
    expect(first!.copy).toMatchObject({ countedForPayout: true, alreadyCopied: false });
    expect(repeat!.copy).toMatchObject({ id: first!.copy.id, countedForPayout: false, alreadyCopied: true });
    expect(replay!.copy.countedForPayout).toBe(true);
    expect(replayed!.copy).toMatchObject({ id: replay!.copy.id, countedForPayout: false });
    const responses = [first, repeat, replay, replayed].filter((r) => r!.copy.countedForPayout);
    expect(responses).toHaveLength(2); // a client summing the flag counts exactly the 2 qualifying copies
  });
});

describe("a copy made right at a renewal (the old and new periods side by side)", () => {
  it("the same flow is credited once per period, never twice in one", async () => {
    const s = await payingSubscriber(w, "Bo Boundary");
    await copyFlows(w, s, creator.slugs.slice(0, 2));
    await w.sandbox.post("clock/next-renewal", { subscription: s.subscriptionId });
    const now = await sandboxNow(w);
    await copyFlows(w, s, creator.slugs.slice(0, 2), { now });
    await recordCopy(w.db, { userId: s.userId, slug: creator.slugs[0]!, source: "api", now, stripe: w.stripe });
    const perPeriod = new Map<string, number>();
    for (const c of await creditRows(w, s.userId)) {
      const key = c.periodStart.toISOString();
      perPeriod.set(key, (perPeriod.get(key) ?? 0) + 1);
    }
    expect([...perPeriod.values()]).toEqual([2, 2]);
  });
});
