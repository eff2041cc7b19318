import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawApi, startTestSandbox, submitForm, subscribeThroughCheckout, type TestSandbox } from "./helpers";

// Stripe's own example objects (stripe/openapi fixtures3.json, trimmed to the resources Flowtab uses): the sandbox's
// objects must carry the same top-level keys, with the same JSON types (null on either side matches anything).
const fixtures = (
  JSON.parse(readFileSync(new URL("./stripe-fixtures.json", import.meta.url), "utf8")) as {
    resources: Record<string, Record<string, unknown>>;
  }
).resources;

type Json = Record<string, unknown>;

let sandbox: TestSandbox;
const samples: Record<string, Json> = {};

async function api(method: string, path: string, body?: string): Promise<Json> {
  const response = await rawApi(sandbox, method, path, { body });
  const json = (await response.json()) as Json;
  if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
  return json;
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const { customer, session, subscription } = await subscribeThroughCheckout(sandbox);
  const [charge] = (await sandbox.stripe.charges.list({ customer: customer.id })).data;
  const refund = await sandbox.post<Json>("charges/last/refund", { customer: customer.id });
  const dispute = await sandbox.post<Json>("charges/last/dispute", { customer: customer.id });
  const account = await sandbox.stripe.accounts.create({
    type: "express",
    capabilities: { transfers: { requested: true } },
  });
  const link = await api(
    "POST",
    "/v1/account_links",
    `account=${account.id}&refresh_url=http://x/r&return_url=http://x/ok&type=account_onboarding`,
  );
  await submitForm(link.url as string, { name: "Ada", country: "US", bank_account: "000123456789" });
  const transfer = await sandbox.stripe.transfers.create({ amount: 500, currency: "usd", destination: account.id });
  const reversal = await api("POST", `/v1/transfers/${transfer.id}/reversals`, "amount=100");

  Object.assign(samples, {
    customer: await api("GET", `/v1/customers/${customer.id}`),
    subscription: await api("GET", `/v1/subscriptions/${subscription.id}`),
    subscription_item: await api("GET", `/v1/subscription_items/${subscription.items.data[0].id}`),
    invoice: await api("GET", `/v1/invoices/${subscription.latest_invoice}`),
    charge: await api("GET", `/v1/charges/${charge.id}`),
    refund: await api("GET", `/v1/refunds/${refund.id}`),
    dispute: await api("GET", `/v1/disputes/${dispute.id}`),
    "checkout.session": await api("GET", `/v1/checkout/sessions/${session.id}`),
    "billing_portal.session": await api(
      "POST",
      "/v1/billing_portal/sessions",
      `customer=${customer.id}&return_url=http://x/account`,
    ),
    account: await api("GET", `/v1/accounts/${account.id}`),
    account_link: link,
    transfer: await api("GET", `/v1/transfers/${transfer.id}`),
    transfer_reversal: reversal,
    event: ((await api("GET", "/v1/events?limit=1")).data as Json[])[0],
    price: await api("GET", "/v1/prices/price_flowtab_premium_monthly"),
    product: await api("GET", "/v1/products/prod_flowtab_premium"),
  });
});
afterAll(() => sandbox.close());

function jsonType(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}

/** Differences from the fixture: keys missing, keys Stripe does not have, and keys whose JSON type differs. */
function shapeDifferences(actual: Json, fixture: Json): string[] {
  const missing = Object.keys(fixture)
    .filter((key) => !(key in actual))
    .map((key) => `missing ${key}`);
  const extra = Object.keys(actual)
    .filter((key) => !(key in fixture))
    .map((key) => `unexpected ${key}`);
  const mistyped = Object.keys(fixture)
    .filter((key) => key in actual)
    .filter((key) => {
      const [want, got] = [jsonType(fixture[key]), jsonType(actual[key])];
      return want !== "null" && got !== "null" && want !== got;
    })
    .map((key) => `${key}: ${jsonType(actual[key])} instead of ${jsonType(fixture[key])}`);
  return [...missing, ...extra, ...mistyped];
}

describe("objects have Stripe's shape (fixtures3.json)", () => {
  const resources = [
    "customer",
    "subscription",
    "subscription_item",
    "invoice",
    "charge",
    "refund",
    "dispute",
    "checkout.session",
    "billing_portal.session",
    "account",
    "account_link",
    "transfer",
    "transfer_reversal",
    "event",
    "price",
    "product",
  ];
  it.each(resources)("%s", (resource) => {
    expect(samples[resource], `no sample for ${resource}`).toBeDefined();
    expect(shapeDifferences(samples[resource], fixtures[resource])).toEqual([]);
  });

  it("puts the subscription period on its items and the subscription on the invoice's parent", () => {
    expect(samples.subscription).not.toHaveProperty("current_period_end");
    const items = (samples.subscription.items as { data: Json[] }).data;
    expect(items[0].current_period_end).toEqual(expect.any(Number));
    expect((samples.invoice.parent as { subscription_details: Json }).subscription_details.subscription).toBe(
      samples.subscription.id,
    );
  });
});
