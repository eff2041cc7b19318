import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertCreatorAccount } from "@/db/queries/creator-accounts";
import { queryRows } from "@/db/rows";
import { flows, payouts } from "@/db/schema";
import { monthBounds, previousMonth } from "@/lib/payouts/month";
import { insertCredits } from "../helpers/credits";
import { createTestDb, type TestDb } from "../helpers/db";
import { makeFlows, makeSubscription, makeUser } from "../helpers/world";
import { startTestSandbox, submitForm, type TestSandbox } from "../sandbox/helpers";

// POST /api/cron/payouts, called as Next calls it: the route module's POST with a Request. The environment is set
// before the route (and lib/env.ts, which reads it once) is imported; the app's database handle (db/index.ts keeps
// it on globalThis) is this file's test database.

const SECRET = "cron-secret-for-tests-0123456789";
process.env.CRON_SECRET = SECRET;

let t: TestDb;
let sandbox: TestSandbox;
let POST: (request: Request) => Promise<Response>;

beforeAll(async () => {
  t = await createTestDb();
  sandbox = await startTestSandbox();
  process.env.STRIPE_SANDBOX_URL = sandbox.url;
  (globalThis as Record<symbol, unknown>)[Symbol.for("flowtab.db")] = Promise.resolve({ db: t.db, driver: t.driver });
  ({ POST } = await import("@/app/api/cron/payouts/route"));
});
afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("flowtab.db")];
  await sandbox?.close();
  await t?.close();
});

function call(body: unknown, authorization: string | null = `Bearer ${SECRET}`) {
  const headers = new Headers({ "Content-Type": "application/json" });
  if (authorization !== null) headers.set("Authorization", authorization);
  return POST(
    new Request("http://localhost/api/cron/payouts", {
      method: "POST",
      headers,
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

describe("POST /api/cron/payouts", () => {
  it("401 without the secret, with a wrong one, or another scheme", async () => {
    for (const authorization of [
      null,
      "Bearer wrong-secret-0123456789abcdef",
      `Bearer ${SECRET}x`,
      `Basic ${SECRET}`,
      "Bearer",
    ]) {
      const response = await call({ month: "2026-10" }, authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(await response.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    }
    expect(await t.db.select().from(payouts)).toEqual([]);
  });

  it("422 with the field at fault for a bad month, 400 for a body that is not JSON", async () => {
    for (const body of [{ month: "2026-13" }, { month: "October" }, {}, { month: 202610 }]) {
      const response = await call(body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect((await response.json()).error).toMatchObject({ code: "validation_failed", field: "month" });
    }
    const future = await call({ month: "2999-01" });
    expect(future.status).toBe(422);
    expect((await future.json()).error.message).toMatch(/not over yet/);
    expect((await call("{not json")).status).toBe(400);
  });

  it("200 with the run's summary: a creator paid in cents, the retry pass and email delivery included", async () => {
    const month = previousMonth(new Date());
    const reader = await makeUser(t.db, "Reader");
    const subscription = await makeSubscription(t.db, reader.tenant.id);
    const creator = await makeUser(t.db, "Kim");
    const [slug] = await makeFlows(t.db, { userId: creator.user.id, tenantId: creator.tenant.id }, 1);
    const [flow] = await t.db.select({ id: flows.id }).from(flows).where(eq(flows.slug, slug!));
    await insertCredits(t.db, {
      readerId: reader.user.id,
      readerTenantId: reader.tenant.id,
      subscriptionId: subscription.id,
      creatorId: creator.user.id,
      flowId: flow!.id,
      count: 150, // 150 x 7 = 1050 = $10.50
      firstPeriodStart: new Date("2020-01-01T00:00:00Z"),
      status: "earned",
      earnedAt: monthBounds(month).start,
    });

    const account = await sandbox.stripe.accounts.create({
      type: "express",
      capabilities: { transfers: { requested: true } },
    });
    const link = await sandbox.stripe.accountLinks.create({
      account: account.id,
      refresh_url: "http://localhost:3000/creator/payouts",
      return_url: "http://localhost:3000/creator/payouts",
      type: "account_onboarding",
    });
    await submitForm(link.url, { name: "Kim", country: "US", bank_account: "000123456789" });
    await upsertCreatorAccount(t.db, {
      userId: creator.user.id,
      stripeAccountId: account.id,
      detailsSubmitted: true,
      chargesEnabled: true,
      payoutsEnabled: true,
      transfersCapability: "active",
      requirementsDue: [],
    });

    const response = await call({ month });
    expect(response.status).toBe(200);
    const summary = await response.json();
    expect(summary).toMatchObject({
      month,
      creators: 1,
      paid: [{ creatorId: creator.user.id, amountCents: 1050, month }], // $10.50
      carriedForward: [],
      skippedNotOnboarded: [],
      failed: [],
      totalPaidCents: 1050,
      retries: { attempted: 0, paid: [], failed: [] },
      emails: { mode: "outbox" }, // no SMTP_URL: the outbox table keeps the "payout paid" email
    });
    const transfers = await sandbox.stripe.transfers.list({ destination: account.id });
    expect(transfers.data.map((tr) => tr.amount)).toEqual([1050]);

    const again = await (await call({ month })).json();
    expect(again).toMatchObject({ paid: [], alreadyPaid: [{ amountCents: 1050 }], totalPaidCents: 0 });
    expect((await sandbox.stripe.transfers.list({ destination: account.id })).data).toHaveLength(1);
    const [mail] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from email_outbox where kind = 'payout_paid'`,
    );
    expect(mail!.n).toBe(1);
  });
});
