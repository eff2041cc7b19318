import { eq, sql } from "drizzle-orm";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { listFailedJobs } from "@/db/queries/jobs";
import { queryRows } from "@/db/rows";
import { emailOutbox } from "@/db/schema";
import { registerUser } from "@/lib/auth/register";
import { queueEmail } from "@/lib/email/outbox";
import { welcomeEmail } from "@/lib/email/templates";
import { JOB_SCHEMA, QUEUES } from "@/lib/jobs/queues";
import { startJobs, type JobRuntime } from "@/lib/jobs/runtime";
import { previousMonth } from "@/lib/payouts/month";
import { createTestDb, type TestDb } from "../helpers/db";
import { startTestSmtp, type TestSmtp } from "../helpers/smtp";
import { startTestSandbox, type TestSandbox } from "../sandbox/helpers";

// Background jobs end to end: the app's own workers (pg-boss on the test database) send email to a real SMTP
// server on a free local port and run the scheduled jobs' handlers. The environment they read is pinned here,
// before anything reads it, so a developer's own SMTP_URL, APP_URL or Stripe key cannot change the outcome.

let smtp: TestSmtp;
let sandbox: TestSandbox;
let t: TestDb;
let jobs: JobRuntime | undefined;

beforeAll(async () => {
  smtp = await startTestSmtp();
  sandbox = await startTestSandbox();
  process.env.SMTP_URL = smtp.url;
  delete process.env.EMAIL_FROM;
  delete process.env.APP_URL;
  delete process.env.STRIPE_SECRET_KEY;
  process.env.STRIPE_SANDBOX_URL = sandbox.url;
  t = await createTestDb();
});
afterEach(async () => {
  await jobs?.stop();
  jobs = undefined;
  smtp.reset();
  await t.reset();
});
afterAll(async () => {
  await smtp?.close();
  await sandbox?.close();
  await t?.close();
});

async function outboxRow(id: string) {
  const [row] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  if (!row) throw new Error(`no outbox row ${id}`);
  return row;
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(100);
  }
}

async function queueTestEmail(key: string) {
  const id = await queueEmail(t.db, {
    to: "kim@example.com",
    kind: "welcome",
    ...welcomeEmail({ name: "Kim" }),
    dedupeKey: key,
  });
  if (!id) throw new Error(`${key} was queued before`);
  return id;
}

describe("email delivery jobs", () => {
  it("a welcome email reaches the SMTP server within seconds of registration (production settings)", async () => {
    jobs = await startJobs(t.db, { workers: true });
    const { user } = await registerUser(t.db, { name: "Ola", email: "ola@example.com", password: "correct-horse" });
    const committed = Date.now();

    // Registration mails two messages: the welcome and the email verification link.
    const mails = await smtp.waitForMessages(2, 10_000);
    expect(Date.now() - committed).toBeLessThan(5_000);
    const mail = mails.find((m) => m.subject === "Welcome to Flowtab");
    expect(mail).toMatchObject({ to: ["ola@example.com"], subject: "Welcome to Flowtab" });
    expect(mail?.raw).toContain("Browse flows: http://localhost:3000/flows");
    expect(mails.map((m) => m.subject).sort()).toEqual(["Confirm your email for Flowtab", "Welcome to Flowtab"]);

    const allSent = async () => (await t.db.select().from(emailOutbox)).every((row) => row.status === "sent");
    await waitUntil(allSent, 5_000);
    const rows = await t.db.select().from(emailOutbox).orderBy(emailOutbox.kind);
    expect(rows).toEqual([
      expect.objectContaining({ toAddress: "ola@example.com", kind: "verify-email", status: "sent", error: null }),
      expect.objectContaining({
        toAddress: "ola@example.com",
        kind: "welcome",
        status: "sent",
        error: null,
        dedupeKey: `welcome:${user.id}`,
        sentAt: expect.any(Date),
      }),
    ]);
    // nodemailer writes the header as "-ID"
    expect(mail?.raw).toMatch(new RegExp(`^X-Flowtab-Email-Id: ${rows[1]?.id}$`, "im"));
  });

  it("an SMTP server that refuses twice gets the message on the third try, after growing waits", async () => {
    jobs = await startJobs(t.db, {
      workers: true,
      queues: { [QUEUES.emailDelivery]: { retryLimit: 3, retryDelay: 1, pollingIntervalSeconds: 0.5 } },
    });
    smtp.refuse(2);
    const id = await queueTestEmail("refused-twice");

    await smtp.waitForMessages(1, 20_000);
    expect(smtp.attempts).toHaveLength(3);
    // Exponential backoff with retryDelay 1 s: the waits are at least 1 s, then at least 2 s (pg-boss adds jitter).
    const [first, second, third] = smtp.attempts as [number, number, number];
    expect(second - first).toBeGreaterThanOrEqual(1_000);
    expect(third - second).toBeGreaterThanOrEqual(2_000);

    await waitUntil(async () => (await outboxRow(id)).status === "sent", 5_000);
    expect(await outboxRow(id)).toMatchObject({ status: "sent", error: null });
    expect(smtp.messages).toHaveLength(1);
  });

  it("an SMTP server that always refuses leaves the email failed, with its error, after the last retry", async () => {
    jobs = await startJobs(t.db, {
      workers: true,
      queues: {
        [QUEUES.emailDelivery]: { retryLimit: 2, retryDelay: 0, retryBackoff: false, pollingIntervalSeconds: 0.5 },
      },
    });
    smtp.refuse("always");
    const id = await queueTestEmail("always-refused");

    // While attempts remain the row stays queued and shows the last error.
    await waitUntil(async () => smtp.attempts.length >= 1, 10_000);
    await waitUntil(async () => (await outboxRow(id)).error !== null, 5_000);

    await waitUntil(async () => (await outboxRow(id)).status === "failed", 15_000);
    const row = await outboxRow(id);
    expect(row.error).toMatch(/451/);
    expect(row.sentAt).toBeNull();
    expect(smtp.attempts).toHaveLength(3); // the first try and 2 retries
    expect(smtp.messages).toEqual([]);

    // The admin sees the failed job with its error.
    await waitUntil(
      async () =>
        (await listFailedJobs(t.db, { schema: JOB_SCHEMA, failedSince: new Date(0), limit: 10 })).length === 1,
      5_000,
    );
    const failed = await listFailedJobs(t.db, { schema: JOB_SCHEMA, failedSince: new Date(0), limit: 10 });
    expect(failed).toEqual([
      {
        id: expect.any(String),
        queue: QUEUES.emailDelivery,
        data: { emailId: id },
        error: expect.stringMatching(/451/),
        attempts: 3,
        failedAt: expect.any(Date),
      },
    ]);
  });
});

describe("the delivery job is queued with the email, in its transaction", () => {
  async function deliveryJobs() {
    return queryRows<{ email_id: string; state: string }>(
      t.db,
      sql`select data->>'emailId' as email_id, state::text as state from ${sql.raw(JOB_SCHEMA)}.job where name = ${QUEUES.emailDelivery}`,
    );
  }

  it("one job per queued email; none for a repeated dedupe key; none when the transaction rolls back", async () => {
    const id = await queueTestEmail("once");
    expect(
      await queueEmail(t.db, {
        to: "x@example.com",
        kind: "welcome",
        ...welcomeEmail({ name: null }),
        dedupeKey: "once",
      }),
    ).toBe(null);
    await expect(
      t.db.transaction(async (tx) => {
        await queueEmail(tx, {
          to: "y@example.com",
          kind: "welcome",
          ...welcomeEmail({ name: null }),
          dedupeKey: "rolled-back",
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");

    expect(await t.db.select({ id: emailOutbox.id }).from(emailOutbox)).toEqual([{ id }]);
    expect(await deliveryJobs()).toEqual([{ email_id: id, state: "created" }]);
  });
});

describe("schedules and scheduled jobs", () => {
  /** Sends a job as its schedule would (no data) and waits for a worker to finish it. */
  async function runLikeTheSchedule(runtime: JobRuntime, queue: string) {
    const id = await runtime.boss.send(queue, {});
    if (!id) throw new Error(`could not send to ${queue}`);
    await waitUntil(async () => {
      const job = await runtime.boss.getJobById(queue, id);
      return job?.state === "completed" || job?.state === "failed";
    }, 15_000);
    return runtime.boss.getJobById(queue, id);
  }

  it("schedules: the payout run at 00:00 UTC on the 1st, its retries and pruning hourly, reconciliation daily; queue settings", async () => {
    jobs = await startJobs(t.db, { workers: true });
    const schedules = (await jobs.boss.getSchedules()) as unknown as { name: string; cron: string; timezone: string }[];
    expect(
      schedules
        .map(({ name, cron, timezone }) => ({ name, cron, timezone }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual([
      { name: QUEUES.ledgerReconcile, cron: "0 4 * * *", timezone: "UTC" },
      { name: QUEUES.payoutsMonthly, cron: "0 0 1 * *", timezone: "UTC" },
      { name: QUEUES.payoutsRetry, cron: "5 * * * *", timezone: "UTC" },
      { name: QUEUES.rateLimitPrune, cron: "15 * * * *", timezone: "UTC" },
    ]);
    expect(await jobs.boss.getQueue(QUEUES.emailDelivery)).toMatchObject({
      policy: "standard",
      retryLimit: 8,
      retryDelay: 30,
      retryBackoff: true,
    });
    expect(await jobs.boss.getQueue(QUEUES.payoutsMonthly)).toMatchObject({ policy: "stately", retryLimit: 3 });
  });

  it("the scheduled payout run pays the month that just ended; the retry and pruning jobs do their work", async () => {
    jobs = await startJobs(t.db, {
      workers: true,
      queues: {
        [QUEUES.payoutsMonthly]: { pollingIntervalSeconds: 0.5 },
        [QUEUES.payoutsRetry]: { pollingIntervalSeconds: 0.5 },
        [QUEUES.rateLimitPrune]: { pollingIntervalSeconds: 0.5 },
      },
    });
    const monthly = await runLikeTheSchedule(jobs, QUEUES.payoutsMonthly);
    expect(monthly?.state).toBe("completed");
    expect(monthly?.output).toMatchObject({ month: previousMonth(new Date()), creators: 0, retries: { attempted: 0 } });

    const retry = await runLikeTheSchedule(jobs, QUEUES.payoutsRetry);
    expect(retry).toMatchObject({ state: "completed", output: { attempted: 0, paid: [], failed: [] } });

    const now = Date.now();
    await t.db.execute(sql`
      insert into rate_limit_buckets (key, window_start, count)
      values ('login:ip:203.0.113.9', ${new Date(now - 25 * 60 * 60 * 1000).toISOString()}::timestamptz, 3),
             ('login:ip:203.0.113.10', ${new Date(now - 60 * 1000).toISOString()}::timestamptz, 1)`);
    expect((await runLikeTheSchedule(jobs, QUEUES.rateLimitPrune))?.state).toBe("completed");
    const left = await queryRows<{ key: string }>(t.db, sql`select key from rate_limit_buckets`);
    expect(left).toEqual([{ key: "login:ip:203.0.113.10" }]);
  });
});
