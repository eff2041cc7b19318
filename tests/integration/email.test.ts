import { eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { confirmPayoutTransfer } from "@/db/queries/payout-transfers";
import { upsertCreatorAccount } from "@/db/queries/creator-accounts";
import { queryRows } from "@/db/rows";
import { emailOutbox, flows, payouts, processedStripeEvents } from "@/db/schema";
import { handleStripeEvent } from "@/lib/billing/webhooks/dispatch";
import { deliverOutboxEmail } from "@/lib/email/deliver";
import { queueEmail } from "@/lib/email/outbox";
import { payoutFailedEmail, payoutPaidEmail, welcomeEmail } from "@/lib/email/templates";
import { getMailTransport, type MailSender } from "@/lib/email/transport";
import { retryFailedPayouts } from "@/lib/payouts/retry";
import { runMonthlyPayouts } from "@/lib/payouts/run";
import { confirmPayoutPaid } from "@/lib/payouts/settle";
import { insertCredits } from "../helpers/credits";
import { createTestDb, type TestDb } from "../helpers/db";
import { makeFlows, makeSubscription, makeUser } from "../helpers/world";
import { startTestSandbox, submitForm, type TestSandbox } from "../sandbox/helpers";

// This file checks the outbox without SMTP: a developer's own SMTP_URL (or APP_URL, in the templates) must not leak in.
delete process.env.SMTP_URL;
delete process.env.APP_URL;

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

describe("deliverOutboxEmail (one attempt of the email-delivery job)", () => {
  async function queueOne() {
    const id = await queueEmail(t.db, {
      to: "user@example.com",
      kind: "welcome",
      ...welcomeEmail({ name: "User" }),
      dedupeKey: "welcome:user",
    });
    if (!id) throw new Error("welcome:user was queued before");
    return id;
  }
  async function row(id: string) {
    const [found] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
    if (!found) throw new Error(`no outbox row ${id}`);
    return found;
  }
  const refusing: MailSender = {
    sendMail: async () => {
      throw new Error("550 5.1.1 mailbox unavailable");
    },
  };

  it("without SMTP_URL the outbox is the delivery: the row stays queued", async () => {
    const id = await queueOne();
    expect(getMailTransport()).toBeNull();
    expect(await deliverOutboxEmail(t.db, { emailId: id, finalAttempt: false })).toBe("outbox");
    expect(await row(id)).toMatchObject({ status: "queued", error: null, sentAt: null });
  });

  it("sends the queued row over the transport once and marks it sent", async () => {
    const id = await queueOne();
    const json = nodemailer.createTransport({ jsonTransport: true });
    const sent: { to: string; subject: string; headers: Record<string, string> }[] = [];
    const transport: MailSender = {
      sendMail: async (message) => {
        const info = (await json.sendMail(message)) as { message: string };
        const parsed = JSON.parse(info.message);
        sent.push({ to: parsed.to[0].address, subject: parsed.subject, headers: parsed.headers });
        return info;
      },
    };
    const at = new Date("2026-11-02T10:00:00Z");
    expect(await deliverOutboxEmail(t.db, { emailId: id, finalAttempt: false, transport, now: () => at })).toBe("sent");
    expect(sent).toEqual([
      { to: "user@example.com", subject: "Welcome to Flowtab", headers: { "X-Flowtab-Email-Id": id } },
    ]);
    expect(await row(id)).toMatchObject({ status: "sent", sentAt: at, error: null });
    // A second run of the job (a retry after a crash, say) finds nothing queued and sends nothing.
    expect(await deliverOutboxEmail(t.db, { emailId: id, finalAttempt: false, transport })).toBe("not_queued");
    expect(sent).toHaveLength(1);
  });

  it("a refused attempt keeps the row queued with the error and throws, so the queue retries it", async () => {
    const id = await queueOne();
    await expect(deliverOutboxEmail(t.db, { emailId: id, finalAttempt: false, transport: refusing })).rejects.toThrow(
      "550 5.1.1 mailbox unavailable",
    );
    expect(await row(id)).toMatchObject({ status: "queued", error: "550 5.1.1 mailbox unavailable", sentAt: null });
  });

  it("a refused last attempt marks the row failed with the reason", async () => {
    const id = await queueOne();
    await expect(deliverOutboxEmail(t.db, { emailId: id, finalAttempt: true, transport: refusing })).rejects.toThrow();
    const [failed] = await queryRows<{ status: string; error: string }>(
      t.db,
      sql`select status, error from email_outbox`,
    );
    expect(failed).toEqual({ status: "failed", error: "550 5.1.1 mailbox unavailable" });
    expect(await deliverOutboxEmail(t.db, { emailId: id, finalAttempt: true, transport: refusing })).toBe("not_queued");
  });
});
