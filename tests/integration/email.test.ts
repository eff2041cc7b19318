import { eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { confirmPayoutTransfer } from "@/db/queries/payout-transfers";
import { upsertCreatorAccount } from "@/db/queries/creator-accounts";
import { queryRows } from "@/db/rows";
import { emailOutbox, flows, payouts, processedStripeEvents } from "@/db/schema";
import { handleStripeEvent } from "@/lib/billing/webhooks/dispatch";
import { deliverQueuedEmails } from "@/lib/email/deliver";
import { queueEmail } from "@/lib/email/outbox";
import { payoutFailedEmail, payoutPaidEmail, welcomeEmail } from "@/lib/email/templates";
import { getMailTransport, type MailSender } from "@/lib/email/transport";
import { retryFailedPayouts } from "@/lib/payouts/retry";
import { runMonthlyPayouts } from "@/lib/payouts/run";
import { confirmPayoutPaid } from "@/lib/payouts/settle";
import { insertCredits } from "../helpers/credits";
import { createTestDb, type TestDb } from "../helpers/db";
import { raceIt } from "../helpers/race";
import { makeFlows, makeSubscription, makeUser } from "../helpers/world";
import { startTestSandbox, submitForm, type TestSandbox } from "../sandbox/helpers";

let t: TestDb;
let sandbox: TestSandbox;

beforeAll(async () => {
  t = await createTestDb();
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
  await t?.close();
});
beforeEach(async () => t.reset());

const OCT_RUN = new Date("2026-11-01T01:00:00Z");

/** An onboarded creator with 150 earned October credits (1050 = $10.50). */
async function creatorWithOctoberEarnings(name: string) {
  const reader = await makeUser(t.db, "Reader");
  const subscription = await makeSubscription(t.db, reader.tenant.id);
  const { user, tenant } = await makeUser(t.db, name);
  const [slug] = await makeFlows(t.db, { userId: user.id, tenantId: tenant.id }, 1);
  const [flow] = await t.db.select({ id: flows.id }).from(flows).where(eq(flows.slug, slug!));
  await insertCredits(t.db, {
    readerId: reader.user.id,
    readerTenantId: reader.tenant.id,
    subscriptionId: subscription.id,
    creatorId: user.id,
    flowId: flow!.id,
    count: 150,
    firstPeriodStart: new Date("2026-09-01T00:00:00Z"),
    status: "earned",
    earnedAt: new Date("2026-10-02T00:00:00Z"),
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
  await submitForm(link.url, { name, country: "US", bank_account: "000123456789" });
  await upsertCreatorAccount(t.db, {
    userId: user.id,
    stripeAccountId: account.id,
    detailsSubmitted: true,
    chargesEnabled: true,
    payoutsEnabled: true,
    transfersCapability: "active",
    requirementsDue: [],
  });
  return { user, accountId: account.id };
}

/** The transfer.created webhook for this transfer, applied by the app's real webhook dispatcher. */
async function deliverTransferCreated(transfer: Stripe.Transfer) {
  const events = await sandbox.stripe.events.list({ type: "transfer.created", limit: 100 });
  const event = events.data.find((e) => (e.data.object as Stripe.Transfer).id === transfer.id)!;
  expect(await handleStripeEvent(t.db, event, sandbox.stripe)).toBe("applied");
}

async function paidEmails() {
  return t.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "payout_paid"));
}

describe("payout emails", () => {
  it("payout paid queues exactly one email when the webhook confirms first and the run confirms again", async () => {
    const { user } = await creatorWithOctoberEarnings("Lea");
    const summary = await runMonthlyPayouts(t.db, {
      month: "2026-10",
      now: OCT_RUN,
      stripe: sandbox.stripe,
      hooks: { afterTransfer: (_payout, transfer) => deliverTransferCreated(transfer) },
    });
    expect(summary.paid).toEqual([expect.objectContaining({ amountCents: 1050 })]); // $10.50
    expect(await t.db.select().from(processedStripeEvents)).toHaveLength(1);

    const mails = await paidEmails();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      toAddress: user.email,
      subject: "Your Flowtab payout of $10.50 is on its way",
      status: "queued",
    });
    expect(mails[0]!.textBody).toContain("for your October 2026 earnings");

    // Confirmed again by every path: still one email.
    const [payout] = await t.db.select().from(payouts);
    await t.db.transaction((tx) =>
      confirmPayoutPaid(tx, {
        payoutId: payout!.id,
        transferId: payout!.stripeTransferId!,
        amountCents: payout!.amountCents,
        at: OCT_RUN,
      }),
    );
    await runMonthlyPayouts(t.db, { month: "2026-10", now: OCT_RUN, stripe: sandbox.stripe });
    expect(await retryFailedPayouts(t.db, { now: OCT_RUN, stripe: sandbox.stripe })).toMatchObject({
      paidEmailsQueued: 0,
    });
    expect(await paidEmails()).toHaveLength(1);
  });

  it("a payout the webhook confirmed after the run was killed still gets its one email", async () => {
    await creatorWithOctoberEarnings("Max");
    await expect(
      runMonthlyPayouts(t.db, {
        month: "2026-10",
        now: OCT_RUN,
        stripe: sandbox.stripe,
        hooks: {
          afterTransfer: async (_payout, transfer) => {
            await deliverTransferCreated(transfer);
            throw new Error("killed");
          },
        },
      }),
    ).rejects.toThrow("killed");
    const [payout] = await t.db.select().from(payouts);
    expect(payout).toMatchObject({ status: "paid", amountCents: 1050 });
    // The webhook confirms through the same settle path, so its email is queued with the payment.
    expect(await paidEmails()).toHaveLength(1);

    const now = new Date(OCT_RUN.getTime() + 60 * 60 * 1000);
    expect(await retryFailedPayouts(t.db, { now, stripe: sandbox.stripe })).toMatchObject({
      attempted: 0,
      paidEmailsQueued: 0,
    });
    await runMonthlyPayouts(t.db, { month: "2026-10", now, stripe: sandbox.stripe });
    expect(await paidEmails()).toHaveLength(1);
  });

  it("confirmPayoutTransfer (webhook) then confirmPayoutPaid (run) twice: one paid payout, one email", async () => {
    const { user } = await makeUser(t.db, "Ned");
    const [payout] = await t.db
      .insert(payouts)
      .values({ creatorId: user.id, month: "2026-10", amountCents: 1260, status: "processing" })
      .returning();
    const confirmation = { payoutId: payout!.id, transferId: "tr_1", amountCents: 1260, at: OCT_RUN };
    await confirmPayoutTransfer(t.db, confirmation);
    await t.db.transaction((tx) => confirmPayoutPaid(tx, confirmation));
    await t.db.transaction((tx) => confirmPayoutPaid(tx, confirmation));
    const mails = await paidEmails();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      dedupeKey: `payout-paid:${payout!.id}`,
      subject: "Your Flowtab payout of $12.60 is on its way",
    });
  });
});

describe("templates", () => {
  it("plain text and escaped HTML from the same words", () => {
    const mail = payoutPaidEmail({ name: `<script>alert("x")</script>`, month: "2026-10", amountCents: 123_456 });
    expect(mail.subject).toBe("Your Flowtab payout of $1,234.56 is on its way");
    expect(mail.text).toContain(`Hi <script>alert("x")</script>,`);
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(mail.text).toContain("/creator/payouts");

    const failed = payoutFailedEmail({ name: null, month: "2026-02", amountCents: 1005 });
    expect(failed.subject).toBe("We could not send your Flowtab payout of $10.05");
    expect(failed.text).toContain("Hi there,");
    expect(failed.text).toContain("February 2026");

    const welcome = welcomeEmail({ name: "Ola" });
    expect(welcome.subject).toBe("Welcome to Flowtab");
    expect(welcome.text).toMatch(/Browse flows: http:\/\/localhost:3000\/flows/);
  });
});

describe("deliverQueuedEmails", () => {
  async function queue(n: number) {
    for (let i = 0; i < n; i++) {
      await queueEmail(t.db, {
        to: `user${i}@example.com`,
        kind: "welcome",
        ...welcomeEmail({ name: `User ${i}` }),
        dedupeKey: `welcome:${i}`,
      });
    }
  }

  it("without SMTP_URL the outbox is the delivery: rows stay queued", async () => {
    await queue(2);
    expect(getMailTransport()).toBeNull();
    expect(await deliverQueuedEmails(t.db)).toEqual({ mode: "outbox", sent: 0, failed: 0 });
    expect((await t.db.select().from(emailOutbox)).map((r) => r.status)).toEqual(["queued", "queued"]);
  });

  /** A transport that records each recipient (nodemailer's JSON transport builds the real message). */
  function recordingTransport() {
    const json = nodemailer.createTransport({ jsonTransport: true });
    const sent: string[] = [];
    const transport: MailSender = {
      sendMail: async (message) => {
        const info = (await json.sendMail(message)) as { message: string };
        sent.push(JSON.parse(info.message).to[0].address);
        return info;
      },
    };
    return { transport, sent };
  }

  const FIVE = [
    "user0@example.com",
    "user1@example.com",
    "user2@example.com",
    "user3@example.com",
    "user4@example.com",
  ];

  it("sends each queued row once over the transport and marks it sent", async () => {
    await queue(5);
    const { transport, sent } = recordingTransport();
    expect(await deliverQueuedEmails(t.db, { transport })).toEqual({ mode: "smtp", sent: 5, failed: 0 });
    expect(sent.sort()).toEqual(FIVE);
    const rows = await t.db.select().from(emailOutbox);
    expect(rows.every((r) => r.status === "sent" && r.sentAt !== null)).toBe(true);
    expect(await deliverQueuedEmails(t.db, { transport })).toEqual({ mode: "smtp", sent: 0, failed: 0 });
    expect(sent).toHaveLength(5);
  });

  raceIt("two deliverers at once send each queued row exactly once", async () => {
    await queue(5);
    const { transport, sent } = recordingTransport();
    const [a, b] = await Promise.all([
      deliverQueuedEmails(t.db, { transport }),
      deliverQueuedEmails(t.db, { transport }),
    ]);
    expect(a.sent + b.sent).toBe(5);
    expect(sent.sort()).toEqual(FIVE);
    const rows = await t.db.select().from(emailOutbox);
    expect(rows.every((r) => r.status === "sent" && r.sentAt !== null)).toBe(true);
  });

  it("a message the SMTP server refuses is marked failed with the reason and not retried", async () => {
    await queue(1);
    const refusing: MailSender = {
      sendMail: async () => {
        throw new Error("550 5.1.1 mailbox unavailable");
      },
    };
    expect(await deliverQueuedEmails(t.db, { transport: refusing })).toEqual({ mode: "smtp", sent: 0, failed: 1 });
    const [row] = await queryRows<{ status: string; error: string }>(t.db, sql`select status, error from email_outbox`);
    expect(row).toEqual({ status: "failed", error: "550 5.1.1 mailbox unavailable" });
    expect(await deliverQueuedEmails(t.db, { transport: refusing })).toEqual({ mode: "smtp", sent: 0, failed: 0 });
  });
});
