import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getCreatorAccount, upsertCreatorAccount } from "@/db/queries/creator-accounts";
import { handleStripeEvent } from "@/lib/billing/webhooks/dispatch";
import { refreshConnectOnboarding, startConnectOnboarding, syncConnectedAccount } from "@/lib/connect/onboarding";
import { connectStatusOf } from "@/lib/connect/status";
import { startSandbox, type RunningSandbox } from "../../stripe-sandbox/index";
import { createTestDb, type TestDb } from "../helpers/db";
import { makeUser } from "../helpers/world";
import { raceIt } from "../helpers/race";

// The real stripe SDK against an in-process Stripe sandbox; webhook delivery is off, so the test fetches
// account.updated from the sandbox's events list and hands it to the webhook dispatcher itself.

// Where the account links send people back: billingConfig().appUrl (APP_URL, default http://localhost:3000).
const APP_URL = (process.env.APP_URL ?? "http://localhost:3000").replace(/\/$/, "");

let t: TestDb;
let sandbox: RunningSandbox;
let stripe: Stripe;

async function control(path: string, body: unknown = {}) {
  const response = await fetch(`${sandbox.url}/_sandbox/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`/_sandbox/${path}: ${response.status}`);
  return response.json();
}

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    stateFile: join(mkdtempSync(join(tmpdir(), "connect-test-")), "state.json"),
    appUrl: "http://127.0.0.1:9",
    retryBaseMs: 20,
  });
  // Before anything reads (and caches) the environment: the test database's job queues do.
  process.env.STRIPE_SANDBOX_URL ??= sandbox.url;
  t = await createTestDb();
  stripe = new Stripe("sk_test_connect_tests", {
    host: "127.0.0.1",
    port: sandbox.port,
    protocol: "http",
    maxNetworkRetries: 0,
  });
  await control("webhooks", { enabled: false });
});
afterAll(async () => {
  await sandbox.close();
  await t.close();
});
beforeEach(async () => {
  await t.reset();
  await control("reset");
  await control("webhooks", { enabled: false });
});

/** The hosted onboarding form submitted as a browser would (stripe-sandbox/pages/onboarding.ts). */
function submitOnboarding(url: string, fields: Partial<Record<"name" | "country" | "bank_account", string>> = {}) {
  return fetch(url, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({ name: "Ada Creator", country: "US", bank_account: "000123456789", ...fields }),
  });
}

async function accountUpdatedEvents(accountId: string) {
  const events = await stripe.events.list({ type: "account.updated", limit: 100 });
  return events.data.filter((e) => (e.data.object as Stripe.Account).id === accountId);
}

describe("startConnectOnboarding", () => {
  it("creates one Express account, stores it not yet onboarded, and links to the sandbox's hosted form", async () => {
    const { user } = await makeUser(t.db, "Ada");
    const first = await startConnectOnboarding(t.db, { userId: user.id }, stripe);
    const second = await startConnectOnboarding(t.db, { userId: user.id }, stripe);

    const accounts = await stripe.accounts.list({ limit: 100 });
    expect(accounts.data).toHaveLength(1);
    const account = accounts.data[0]!;
    expect(account).toMatchObject({ type: "express", metadata: { userId: user.id }, details_submitted: false });

    const row = await getCreatorAccount(t.db, { userId: user.id });
    expect(row).toMatchObject({
      stripeAccountId: account.id,
      detailsSubmitted: false,
      payoutsEnabled: false,
      transfersCapability: "inactive",
    });
    expect(connectStatusOf(row).state).toBe("incomplete");

    for (const { url } of [first, second]) expect(url.startsWith(`${sandbox.url}/connect/onboarding/`)).toBe(true);
    expect(first.url).not.toBe(second.url); // a fresh link each time: links work once and expire
    const page = await fetch(second.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(account.id);
  });

  raceIt("creates one account when two requests race", async () => {
    const { user } = await makeUser(t.db, "Racer");
    await Promise.all([
      startConnectOnboarding(t.db, { userId: user.id }, stripe),
      startConnectOnboarding(t.db, { userId: user.id }, stripe),
      startConnectOnboarding(t.db, { userId: user.id }, stripe),
    ]);
    const accounts = await stripe.accounts.list({ limit: 100 });
    expect(accounts.data).toHaveLength(1);
    expect((await getCreatorAccount(t.db, { userId: user.id }))?.stripeAccountId).toBe(accounts.data[0]!.id);
  });

  it("replaces a stored account that Stripe does not know (e.g. a seeded one) with a new one", async () => {
    const { user } = await makeUser(t.db, "Seeded");
    await upsertCreatorAccount(t.db, {
      userId: user.id,
      stripeAccountId: "acct_seed_notinsandbox",
      detailsSubmitted: true,
      chargesEnabled: true,
      payoutsEnabled: true,
      transfersCapability: "active",
      requirementsDue: [],
    });
    const { url } = await startConnectOnboarding(t.db, { userId: user.id }, stripe);
    const row = await getCreatorAccount(t.db, { userId: user.id });
    expect(row!.stripeAccountId).not.toBe("acct_seed_notinsandbox");
    expect(row).toMatchObject({ detailsSubmitted: false, payoutsEnabled: false, transfersCapability: "inactive" });
    expect(await stripe.accounts.retrieve(row!.stripeAccountId)).toMatchObject({ metadata: { userId: user.id } });
    expect(url).toContain("/connect/onboarding/");
    // Starting again keeps the replacement: no second new account.
    await startConnectOnboarding(t.db, { userId: user.id }, stripe);
    expect((await stripe.accounts.list({ limit: 100 })).data).toHaveLength(1);
  });

  it("sends an expired link to /creator/connect/refresh, which makes a new link for the same account", async () => {
    const { user } = await makeUser(t.db, "Slow");
    expect(await refreshConnectOnboarding(t.db, { userId: user.id }, stripe)).toBeNull(); // nothing to continue
    const { url } = await startConnectOnboarding(t.db, { userId: user.id }, stripe);
    await control("clock/advance", { seconds: 301 });
    const expired = await fetch(url, { redirect: "manual" });
    expect(expired.headers.get("location")).toBe(`${APP_URL}/creator/connect/refresh`);
    const fresh = await refreshConnectOnboarding(t.db, { userId: user.id }, stripe);
    expect(fresh!.url).not.toBe(url);
    expect((await fetch(fresh!.url)).status).toBe(200);
    expect((await stripe.accounts.list({ limit: 100 })).data).toHaveLength(1);
  });
});

describe("finishing onboarding", () => {
  it("the hosted form returns to /creator, and account.updated marks the account able to receive transfers", async () => {
    const { user } = await makeUser(t.db, "Ada");
    const { url } = await startConnectOnboarding(t.db, { userId: user.id }, stripe);
    const accountId = (await getCreatorAccount(t.db, { userId: user.id }))!.stripeAccountId;

    const wrong = await submitOnboarding(url, { bank_account: "111" });
    expect(wrong.status).toBe(400);
    const done = await submitOnboarding(url);
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`${APP_URL}/creator?connect=returned`);

    const [event] = await accountUpdatedEvents(accountId);
    expect(event).toBeDefined();
    expect(await handleStripeEvent(t.db, event!, stripe)).toBe("applied");
    const row = await getCreatorAccount(t.db, { userId: user.id });
    expect(row).toMatchObject({
      detailsSubmitted: true,
      payoutsEnabled: true,
      transfersCapability: "active",
      requirementsDue: [],
    });
    expect(connectStatusOf(row).state).toBe("enabled");
    expect(await handleStripeEvent(t.db, event!, stripe)).toBe("duplicate");
  });

  it("the return page's sync shows the onboarded account before the webhook arrives", async () => {
    const { user } = await makeUser(t.db, "Eager");
    const { url } = await startConnectOnboarding(t.db, { userId: user.id }, stripe);
    expect((await submitOnboarding(url)).status).toBe(303);
    const row = await syncConnectedAccount(t.db, { userId: user.id }, stripe);
    expect(connectStatusOf(row).state).toBe("enabled");
    expect(row).toMatchObject({ payoutsEnabled: true, transfersCapability: "active" });
    // A sync for a member without an account is a no-op, never an account.
    const { user: other } = await makeUser(t.db, "Nobody");
    expect(await syncConnectedAccount(t.db, { userId: other.id }, stripe)).toBeNull();
    expect((await stripe.accounts.list({ limit: 100 })).data).toHaveLength(1);
  });

  it("account.updated for an account whose row is gone is matched by metadata.userId", async () => {
    const { user } = await makeUser(t.db, "Lost");
    const { url } = await startConnectOnboarding(t.db, { userId: user.id }, stripe);
    const accountId = (await getCreatorAccount(t.db, { userId: user.id }))!.stripeAccountId;
    await t.reset();
    const again = await makeUser(t.db, "Lost again");
    // Point the account at the new user, as if it had been created for them.
    await stripe.accounts.update(accountId, { metadata: { userId: again.user.id } });
    expect((await submitOnboarding(url)).status).toBe(303);
    const [latest] = await accountUpdatedEvents(accountId);
    await handleStripeEvent(t.db, latest!, stripe);
    expect(await getCreatorAccount(t.db, { userId: again.user.id })).toMatchObject({
      stripeAccountId: accountId,
      payoutsEnabled: true,
    });
  });
});

describe("Stripe unavailable", () => {
  it("is a 503 for the caller, and nothing is stored", async () => {
    const { user } = await makeUser(t.db, "Unlucky");
    const down = new Stripe("sk_test_down", { host: "127.0.0.1", port: 9, protocol: "http", maxNetworkRetries: 0 });
    await expect(startConnectOnboarding(t.db, { userId: user.id }, down)).rejects.toMatchObject({
      status: 503,
      code: "unavailable",
    });
    expect(await getCreatorAccount(t.db, { userId: user.id })).toBeNull();
  });
});
