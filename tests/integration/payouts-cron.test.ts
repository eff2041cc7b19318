import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { upsertCreatorAccount } from "@/db/queries/creator-accounts";
import { queryRows } from "@/db/rows";
import { flows, payouts } from "@/db/schema";
import { JOB_SCHEMA, QUEUES } from "@/lib/jobs/queues";
import { getJobRuntime, hasJobRuntime, startJobs } from "@/lib/jobs/runtime";
import { monthBounds, previousMonth } from "@/lib/payouts/month";
import { insertCredits } from "../helpers/credits";
import { createTestDb, type TestDb } from "../helpers/db";
import { makeFlows, makeSubscription, makeUser } from "../helpers/world";
import { startTestSandbox, submitForm, type TestSandbox } from "../sandbox/helpers";

// POST /api/cron/payouts, called as Next calls it: the route module's POST with a Request. The environment is set
// before the route (and lib/env.ts, which reads it once) is imported; the app's database handle (db/index.ts keeps
// it on globalThis) is this file's test database. The route enqueues the run on the payouts-monthly queue and
// waits for it: the tests start the app's workers (lib/jobs) on the test database when a run should happen.

const SECRET = "cron-secret-for-tests-0123456789";
process.env.CRON_SECRET = SECRET;
delete process.env.SMTP_URL;

let t: TestDb;
let sandbox: TestSandbox;
let POST: (request: Request) => Promise<Response>;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  // lib/env.ts reads the environment once, on first use (createTestDb may be it): pin it first.
  delete process.env.STRIPE_SECRET_KEY;
  process.env.STRIPE_SANDBOX_URL = sandbox.url;
  t = await createTestDb();
  (globalThis as Record<symbol, unknown>)[Symbol.for("flowtab.db")] = Promise.resolve({ db: t.db, driver: t.driver });
  ({ POST } = await import("@/app/api/cron/payouts/route"));
});
beforeEach(async () => t.reset());
afterEach(async () => {
  if (hasJobRuntime()) await (await getJobRuntime()).stop();
});
afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("flowtab.db")];
  await sandbox?.close();
  await t?.close();
});

function call(body: unknown, authorization: string | null = `Bearer ${SECRET}`, query = "") {
  const headers = new Headers({ "Content-Type": "application/json" });
  if (authorization !== null) headers.set("Authorization", authorization);
  return POST(
    new Request(`http://localhost/api/cron/payouts${query}`, {
      method: "POST",
      headers,
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

async function payoutJobs() {
  return queryRows<{ id: string; state: string; singleton_key: string | null }>(
    t.db,
    sql`select id, state::text as state, singleton_key from ${sql.raw(JOB_SCHEMA)}.job
        where name = ${QUEUES.payoutsMonthly} order by created_on`,
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
    const badWait = await call({ month: "2026-10" }, `Bearer ${SECRET}`, "?wait=600");
    expect(badWait.status).toBe(422);
    expect((await badWait.json()).error).toMatchObject({ code: "validation_failed", field: "wait" });
    expect(await t.db.select().from(payouts)).toEqual([]);
  });

  it("enqueues the run: with no worker free it answers 202 with the waiting job, which a worker then runs", async () => {
    const month = previousMonth(new Date());
    const queued = await call({ month }, `Bearer ${SECRET}`, "?wait=0");
    expect(queued.status).toBe(202);
    const body = await queued.json();
    expect(body).toEqual({
      job: { id: expect.any(String), queue: QUEUES.payoutsMonthly, state: "created" },
      message: `The payout run for ${month} is queued; its summary will be the job's output.`,
    });
    // A second call for the same month joins the waiting job (singleton key = the month) instead of adding one.
    expect((await (await call({ month }, `Bearer ${SECRET}`, "?wait=0")).json()).job.id).toBe(body.job.id);
    expect(await payoutJobs()).toEqual([{ id: body.job.id, state: "created", singleton_key: month }]);

    await (await getJobRuntime()).stop();
    await startJobs(t.db, { workers: true, queues: { [QUEUES.payoutsMonthly]: { pollingIntervalSeconds: 0.5 } } });
    const again = await call({ month });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ month, creators: 0, paid: [], retries: { attempted: 0 } });
    expect(await payoutJobs()).toEqual([{ id: body.job.id, state: "completed", singleton_key: month }]);
  });

  it("200 with the run's summary once a worker ran it: a creator paid in cents, the retry pass included", async () => {
    await startJobs(t.db, { workers: true, queues: { [QUEUES.payoutsMonthly]: { pollingIntervalSeconds: 0.5 } } });
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
    });
    // It ran as a job: the job's output is the summary the route answered with.
    const [job] = await queryRows<{ state: string; output: unknown }>(
      t.db,
      sql`select state::text as state, output from ${sql.raw(JOB_SCHEMA)}.job where name = ${QUEUES.payoutsMonthly}`,
    );
    expect(job).toEqual({ state: "completed", output: summary });
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
