// A period that ends unpaid: Stripe retries the failed renewal, then cancels the subscription, and the period's
// pending credits are voided. It moves the sandbox clock 16 days, so it has a sandbox (this file) to itself.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subscriptions } from "@/db/schema";
import { recordCopy } from "@/lib/copies/record-copy";
import { createTestDb, type TestDb } from "../helpers/db";
import { WEBHOOK_SECRET, startTestSandbox, type TestSandbox } from "../sandbox/helpers";
import { DAY, Deliverer, creditCents, payingSubscriber } from "./billing-support";

let t: TestDb;
let sandbox: TestSandbox;
let send: Deliverer;

beforeAll(async () => {
  sandbox = await startTestSandbox(); // webhook delivery off: the test delivers, signed, itself
  // getStripe() reads the environment once, on first use: the app's billing code uses this sandbox.
  process.env.STRIPE_SANDBOX_URL = sandbox.url;
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
  t = await createTestDb();
  send = new Deliverer(() => t.db, sandbox.stripe);
});
afterAll(async () => {
  await t?.close();
  await sandbox?.close();
});

describe("creator credits of a period that ends unpaid", () => {
  it("canceled after its failed renewals: the period's pending credits -> void, the paid period keeps its own", async () => {
    const { payer, slugs } = await payingSubscriber({ db: t.db, sandbox, send }, "Una Unpaid", 1);
    await send.deliverPending(sandbox, payer.customerId);
    await sandbox.post(`subscriptions/${payer.subscriptionId}/fail-next-renewal`);
    await sandbox.post(`subscriptions/${payer.subscriptionId}/end-period`);
    await send.deliverPending(sandbox, payer.customerId);
    // Copies at the sandbox's time, one a second: the new period started at the sandbox's "now".
    const { now } = await sandbox.get<{ now: number }>("now");
    for (const [i, slug] of slugs.slice(1, 5).entries()) {
      await recordCopy(t.db, { userId: payer.userId, slug, source: "web", now: new Date((now + i) * 1000) });
    }
    expect(await creditCents(t.db, payer.userId)).toEqual({ earned: 7, pending: 28 }); // $0.07 earned, $0.28 waiting

    // Stripe retries 3, 5 and 7 days apart, then cancels the subscription.
    await sandbox.post("clock/advance", { seconds: 16 * DAY });
    const delivered = await send.deliverPending(sandbox, payer.customerId);
    expect(delivered.filter((e) => e.type === "invoice.payment_failed")).toHaveLength(3);
    expect(delivered.map((e) => e.type)).toContain("customer.subscription.deleted");
    const [row] = await t.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.stripeSubscriptionId, payer.subscriptionId));
    expect(row).toMatchObject({ status: "canceled" });
    expect(await creditCents(t.db, payer.userId)).toEqual({ earned: 7, void: 28 });
  });
});
