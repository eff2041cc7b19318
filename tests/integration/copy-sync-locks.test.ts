// A Stripe sync and a copy touching the same subscription period at the same moment must both go through. Found in
// CI: a new subscriber's parallel first copies answered 503 because PostgreSQL broke a deadlock (40P01) between the
// copy statement and the checkout's webhook sync (db/queries/billing.ts upsertSubscription explains the lock modes).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect } from "vitest";
import { upsertInvoice, upsertSubscription, type SubscriptionSnapshot } from "@/db/queries/billing";
import { lockCreditPeriods } from "@/db/queries/credit-periods";
import { lockTenant } from "@/db/queries/teams";
import { creatorCredits, type Subscription } from "@/db/schema";
import { recordCopy } from "@/lib/copies/record-copy";
import { createTestDb, type TestDb } from "../helpers/db";
import { raceIt } from "../helpers/race";
import { makeFlows, makeSubscription, makeUser } from "../helpers/world";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function snapshotOf(sub: Subscription): SubscriptionSnapshot {
  return {
    tenantId: sub.tenantId,
    stripeSubscriptionId: sub.stripeSubscriptionId,
    stripeCustomerId: sub.stripeCustomerId,
    stripePriceId: sub.stripePriceId,
    status: sub.status,
    quantity: sub.quantity,
    unitAmountCents: sub.unitAmountCents,
    currentPeriodStart: sub.currentPeriodStart,
    currentPeriodEnd: sub.currentPeriodEnd,
    cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
    canceledAt: sub.canceledAt,
    trialStart: sub.trialStart,
    trialEnd: sub.trialEnd,
    endedAt: sub.endedAt,
    stripeSyncedAt: new Date(),
  };
}

/** A paying subscriber whose period's invoice is paid and whose first copy created the period's rows. */
async function paidPeriodWithOneCopy() {
  const creator = await makeUser(t.db, "Creator");
  const reader = await makeUser(t.db, "Reader");
  const sub = await makeSubscription(t.db, reader.tenant.id);
  const invoice = {
    tenantId: reader.tenant.id,
    subscriptionId: sub.id,
    stripeInvoiceId: `in_${sub.id.slice(0, 8)}`,
    status: "paid" as const,
    currency: "usd",
    amountDueCents: 1000,
    amountPaidCents: 1000,
    periodStart: sub.currentPeriodStart,
    periodEnd: sub.currentPeriodEnd,
    paidAt: sub.currentPeriodStart,
  };
  await upsertInvoice(t.db, invoice);
  const slugs = await makeFlows(t.db, { userId: creator.user.id, tenantId: creator.tenant.id }, 2);
  const first = await recordCopy(t.db, { userId: reader.user.id, slug: slugs[0]!, source: "web" });
  expect(first.copy.countedForPayout).toBe(true);
  return { creator, reader, sub, invoice, slugs };
}

async function creditStatuses(subscriberId: string) {
  const rows = await t.db
    .select({ status: creatorCredits.status })
    .from(creatorCredits)
    .where(eq(creatorCredits.subscriberId, subscriberId));
  return rows.map((r) => r.status);
}

describe("a copy and a sync of the same period at once", () => {
  raceIt("the sync upserts the subscription and its invoice, then settles the period the copy is writing", async () => {
    const { reader, sub, invoice, slugs } = await paidPeriodWithOneCopy();
    let copy: Promise<unknown> = Promise.resolve();
    // Settled, not rejected: a deadlock victim's error is compared below instead of escaping as unhandled.
    await t.db.transaction(async (tx) => {
      // What a webhook's sync does (lib/billing/sync.ts): upsert the rows it fetched, then lock the periods to settle.
      await upsertSubscription(tx, snapshotOf(sub));
      await upsertInvoice(tx, invoice);
      copy = recordCopy(t.db, { userId: reader.user.id, slug: slugs[1]!, source: "api" }).catch(
        (error: unknown) => error,
      );
      // Long enough for the copy statement to lock the period's row and reach its foreign-key checks.
      await sleep(300);
      await lockCreditPeriods(tx, [
        { subscriptionId: sub.id, periodStart: sub.currentPeriodStart, periodEnd: sub.currentPeriodEnd },
      ]);
    });
    await expect(copy).resolves.toMatchObject({ copy: { countedForPayout: true, alreadyCopied: false } });
    expect(await creditStatuses(reader.user.id)).toEqual(["earned", "earned"]);
  });

  raceIt("a membership change locking the tenant does not hold up a copy by one of its members", async () => {
    const { reader, slugs } = await paidPeriodWithOneCopy();
    let copy: Promise<unknown> = Promise.resolve();
    await t.db.transaction(async (tx) => {
      await lockTenant(tx, { tenantId: reader.tenant.id });
      copy = recordCopy(t.db, { userId: reader.user.id, slug: slugs[1]!, source: "api" });
      // The copy completes while the membership change still holds its lock (it used to wait for the commit).
      const first = await Promise.race([copy, sleep(5_000).then(() => "still waiting")]);
      expect(first).toMatchObject({ copy: { countedForPayout: true } });
    });
    await copy;
  });
});
