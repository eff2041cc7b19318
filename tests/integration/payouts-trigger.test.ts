import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/rows";
import { AppError } from "@/lib/errors";
import { JOB_SCHEMA, QUEUES } from "@/lib/jobs/queues";
import { startJobs, type JobRuntime } from "@/lib/jobs/runtime";
import { previousMonth } from "@/lib/payouts/month";
import { requestPayoutRun } from "@/lib/payouts/trigger";
import { createTestDb, type TestDb } from "../helpers/db";

// The manual trigger (cron route, admin button) on an app whose billing is not configured: the run's job fails
// with a typed error that retrying cannot cure, so the trigger answers with it at once instead of waiting.
delete process.env.STRIPE_SECRET_KEY;
delete process.env.STRIPE_SANDBOX_URL;

let t: TestDb;
let jobs: JobRuntime;

beforeAll(async () => {
  t = await createTestDb();
  jobs = await startJobs(t.db, { workers: true, queues: { [QUEUES.payoutsMonthly]: { pollingIntervalSeconds: 0.5 } } });
});
afterAll(async () => {
  await jobs?.stop();
  await t?.close();
});

describe("requestPayoutRun", () => {
  it("answers the run's own error (503, billing not configured) after the first failed attempt", async () => {
    const month = previousMonth(new Date());
    const started = Date.now();
    const error = await requestPayoutRun({ month }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "unavailable",
      status: 503,
      message: expect.stringMatching(/Billing is not configured/),
    });
    expect(Date.now() - started).toBeLessThan(15_000); // not the full 50 s wait

    // The job itself is left to pg-boss: one failed attempt, a retry waiting.
    const rows = await queryRows<{ state: string; retry_count: number }>(
      t.db,
      sql`select state::text as state, retry_count from ${sql.raw(JOB_SCHEMA)}.job where name = ${QUEUES.payoutsMonthly}`,
    );
    expect(rows).toEqual([{ state: "retry", retry_count: 0 }]);
  });

  it("refuses a month that is not over before enqueueing anything (422)", async () => {
    const before = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(JOB_SCHEMA)}.job`);
    await expect(requestPayoutRun({ month: "2999-01" })).rejects.toMatchObject({
      code: "validation_failed",
      field: "month",
    });
    expect(await queryRows(t.db, sql`select count(*)::int as n from ${sql.raw(JOB_SCHEMA)}.job`)).toEqual(before);
  });
});
