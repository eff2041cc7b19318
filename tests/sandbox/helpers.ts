import { mkdtempSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Stripe from "stripe";
import { startSandbox, type RunningSandbox, type SandboxOptions } from "../../stripe-sandbox/index";

export const WEBHOOK_SECRET = "whsec_sandbox_tests";
export const PRICE_ID = "price_flowtab_premium_monthly";
export const VISA = { card_number: "4242 4242 4242 4242", card_expiry: "12 / 34", card_cvc: "123" };
export const DECLINING_CARD = { ...VISA, card_number: "4000 0000 0000 0002" };

export interface TestSandbox extends RunningSandbox {
  stripe: Stripe;
  stateFile: string;
  // Stripe JSON, loosely typed on purpose: tests read whatever fields they assert on.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get<T = any>(path: string): Promise<T>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  post<T = any>(path: string, body?: unknown): Promise<T>;
}

export function tempStateFile(): string {
  return join(mkdtempSync(join(tmpdir(), "stripe-sandbox-")), "state.json");
}

/**
 * A sandbox on a random port with its own state file and the real SDK pointed at it. Webhook delivery is off
 * unless `deliverWebhooks` (so no test posts to whatever runs on localhost:3000).
 */
export async function startTestSandbox(
  options: SandboxOptions & { deliverWebhooks?: boolean } = {},
): Promise<TestSandbox> {
  const { deliverWebhooks, ...sandboxOptions } = options;
  const stateFile = options.stateFile ?? tempStateFile();
  const sandbox = await startSandbox({
    port: 0,
    retryBaseMs: 20,
    webhookSecret: WEBHOOK_SECRET,
    appUrl: "http://127.0.0.1:9",
    ...sandboxOptions,
    stateFile,
  });
  const stripe = new Stripe("sk_test_sandbox", {
    host: "127.0.0.1",
    port: sandbox.port,
    protocol: "http",
    maxNetworkRetries: 0,
  });
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sandbox.url}/_sandbox/${path}`, {
      method,
      headers: { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`${method} /_sandbox/${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const testSandbox: TestSandbox = {
    ...sandbox,
    stripe,
    stateFile,
    get: (path) => call("GET", path),
    post: (path, body = {}) => call("POST", path, body),
  };
  if (!deliverWebhooks) await testSandbox.post("webhooks", { enabled: false });
  return testSandbox;
}

/** Submits a hosted page's form the way a browser does, without following the redirect. */
export function submitForm(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, { method: "POST", redirect: "manual", body: new URLSearchParams(fields) });
}

/** Customer -> Checkout Session -> hosted page submitted -> the subscription it created. */
export async function subscribeThroughCheckout(
  sandbox: TestSandbox,
  options: {
    trialDays?: number;
    card?: Record<string, string> | null;
    quantity?: number;
    missingPaymentMethod?: "pause" | "cancel" | "create_invoice";
  } = {},
): Promise<{ customer: Stripe.Customer; session: Stripe.Checkout.Session; subscription: Stripe.Subscription }> {
  const { stripe } = sandbox;
  const customer = await stripe.customers.create({ email: `buyer-${Math.random().toString(36).slice(2)}@example.com` });
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer: customer.id,
    line_items: [{ price: PRICE_ID, quantity: options.quantity ?? 1 }],
    payment_method_collection: "if_required",
    subscription_data: options.trialDays
      ? {
          trial_period_days: options.trialDays,
          trial_settings: { end_behavior: { missing_payment_method: options.missingPaymentMethod ?? "pause" } },
        }
      : undefined,
    success_url: "http://localhost:3000/checkout/success?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://localhost:3000/pricing",
  });
  const card = options.card === undefined ? VISA : options.card;
  const response = await submitForm(
    session.url!,
    card
      ? { email: customer.email!, action: "pay", ...card }
      : { email: customer.email!, action: "trial_without_card" },
  );
  if (response.status !== 303) throw new Error(`checkout failed: ${response.status} ${await response.text()}`);
  const completed = await stripe.checkout.sessions.retrieve(session.id);
  const subscription = await stripe.subscriptions.retrieve(completed.subscription as string);
  return { customer, session: completed, subscription };
}

export async function portalUrl(sandbox: TestSandbox, customer: string): Promise<string> {
  const session = await sandbox.stripe.billingPortal.sessions.create({
    customer,
    return_url: "http://localhost:3000/account",
  });
  return session.url;
}

export interface Receiver {
  url: string;
  /** Every verified delivery, in arrival order (repeats included). */
  received: Stripe.Event[];
  rejectedSignatures: number;
  close(): Promise<void>;
}

/** A stand-in for the app's webhook route: verifies each signature with the SDK, answers `status(event)`. */
export async function startReceiver(status: (event: Stripe.Event) => number = () => 200): Promise<Receiver> {
  const verifier = new Stripe("sk_test_receiver");
  const receiver: Receiver = { url: "", received: [], rejectedSignatures: 0, close: async () => {} };
  const server = createServer(async (req, res) => {
    const raw = await readAll(req);
    let event: Stripe.Event;
    try {
      event = verifier.webhooks.constructEvent(raw, req.headers["stripe-signature"] as string, WEBHOOK_SECRET);
    } catch {
      receiver.rejectedSignatures += 1;
      res.writeHead(400).end();
      return;
    }
    receiver.received.push(event);
    res.writeHead(status(event)).end();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.close = () => new Promise<void>((done) => server.close(() => done()));
  return receiver;
}

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Calls the REST API directly, to see raw JSON and headers. */
export function rawApi(
  sandbox: TestSandbox,
  method: string,
  path: string,
  init: { body?: string; headers?: Record<string, string> } = {},
) {
  return fetch(`${sandbox.url}${path}`, {
    method,
    headers: {
      Authorization: "Bearer sk_test_sandbox",
      "Content-Type": "application/x-www-form-urlencoded",
      ...init.headers,
    },
    body: init.body,
  });
}
