import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawApi, startTestSandbox, submitForm, type TestSandbox } from "./helpers";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const RETURN_URL = "http://localhost:3000/creator/payouts?onboarded=1";
const REFRESH_URL = "http://localhost:3000/creator/payouts/refresh";

async function expressAccount() {
  return sandbox.stripe.accounts.create({
    type: "express",
    email: "creator@example.com",
    capabilities: { transfers: { requested: true } },
  });
}

async function onboardingLink(account: string) {
  return sandbox.stripe.accountLinks.create({
    account,
    refresh_url: REFRESH_URL,
    return_url: RETURN_URL,
    type: "account_onboarding",
  });
}

async function onboard(account: string) {
  const link = await onboardingLink(account);
  return submitForm(link.url, { name: "Ada Creator", country: "US", bank_account: "000123456789" });
}

describe("Connect", () => {
  it("onboards an Express account through the hosted form", async () => {
    const account = await expressAccount();
    expect(account).toMatchObject({
      type: "express",
      details_submitted: false,
      capabilities: { transfers: "inactive" },
    });
    const link = await onboardingLink(account.id);
    expect(link.expires_at - link.created).toBe(300);
    const page = await fetch(link.url);
    expect(await page.text()).toContain("Bank account number");

    const wrongBank = await submitForm(link.url, { name: "Ada", country: "US", bank_account: "111" });
    expect(wrongBank.status).toBe(400);
    const response = await submitForm(link.url, { name: "Ada Creator", country: "US", bank_account: "000123456789" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(RETURN_URL);

    const onboarded = await sandbox.stripe.accounts.retrieve(account.id);
    expect(onboarded).toMatchObject({
      details_submitted: true,
      charges_enabled: true,
      payouts_enabled: true,
      capabilities: { transfers: "active" },
      requirements: { currently_due: [], disabled_reason: null },
    });
    const updated = await sandbox.stripe.events.list({ type: "account.updated" });
    expect(updated.data[0].data.previous_attributes).toMatchObject({ details_submitted: false });
    expect((await fetch(link.url, { redirect: "manual" })).headers.get("location")).toBe(REFRESH_URL);
  });

  it("sends an expired link (after 5 minutes) to refresh_url", async () => {
    const link = await onboardingLink((await expressAccount()).id);
    await sandbox.post("clock/advance", { seconds: 301 });
    const response = await fetch(link.url, { redirect: "manual" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(REFRESH_URL);
  });

  it("refuses transfers to an account that cannot receive them", async () => {
    const account = await expressAccount();
    await expect(
      sandbox.stripe.transfers.create({ amount: 1500, currency: "usd", destination: account.id }),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: "insufficient_capabilities_for_transfer",
      param: "destination",
    });
    await expect(
      sandbox.stripe.transfers.create({ amount: 1500, currency: "usd", destination: "acct_missing" }),
    ).rejects.toMatchObject({
      code: "resource_missing",
    });
  });

  it("transfers to an onboarded account, lists by group and destination, and reverses", async () => {
    const account = await expressAccount();
    await onboard(account.id);
    const transfer = await sandbox.stripe.transfers.create({
      amount: 2100,
      currency: "usd",
      destination: account.id,
      transfer_group: "payout_2026_10",
      metadata: { creator: "c_1" },
    });
    expect(transfer).toMatchObject({
      amount: 2100,
      destination: account.id,
      reversed: false,
      metadata: { creator: "c_1" },
    });
    expect((await sandbox.stripe.transfers.list({ transfer_group: "payout_2026_10" })).data.map((t) => t.id)).toEqual([
      transfer.id,
    ]);
    expect((await sandbox.stripe.transfers.list({ destination: account.id })).data).toHaveLength(1);

    const reversal = await sandbox.stripe.transfers.createReversal(transfer.id, { amount: 700 });
    expect(reversal).toMatchObject({ object: "transfer_reversal", amount: 700, transfer: transfer.id });
    expect(await sandbox.stripe.transfers.retrieve(transfer.id)).toMatchObject({
      amount_reversed: 700,
      reversed: false,
    });
    const [event] = (await sandbox.stripe.events.list({ type: "transfer.reversed" })).data;
    expect(event.data.previous_attributes).toMatchObject({ amount_reversed: 0 });
  });

  it("fails the next transfers on request, and replays a failure for its idempotency key like Stripe", async () => {
    const account = await expressAccount();
    await onboard(account.id);
    await sandbox.post("transfers/fail-next", { count: 1 });
    const params = { amount: 1200, currency: "usd", destination: account.id };
    const options = { idempotencyKey: "payout:creator_1:2026-10" };
    await expect(sandbox.stripe.transfers.create(params, options)).rejects.toMatchObject({
      code: "balance_insufficient",
    });

    const replay = await rawApi(sandbox, "POST", "/v1/transfers", {
      body: `amount=1200&currency=usd&destination=${account.id}`,
      headers: { "Idempotency-Key": "payout:creator_1:2026-10" },
    });
    expect(replay.status).toBe(400);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");

    const transfer = await sandbox.stripe.transfers.create(params, {
      idempotencyKey: "payout:creator_1:2026-10:retry-1",
    });
    expect(transfer.amount).toBe(1200);
  });
});
