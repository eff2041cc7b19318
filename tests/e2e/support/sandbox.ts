// The Stripe sandbox the e2e app talks to (scripts/e2e-server.mjs starts it on E2E_SANDBOX_PORT, a free port).

export const SANDBOX = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT}`;
export const CARD = { visa: "4242 4242 4242 4242", declined: "4000 0000 0000 0002" };

/** A sandbox control (`/_sandbox/*`): its clock, webhook switches, renewals. */
export async function control<T = Record<string, unknown>>(path: string, body: unknown = {}): Promise<T> {
  const response = await fetch(`${SANDBOX}/_sandbox/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`/_sandbox/${path}: ${response.status} ${JSON.stringify(json)}`);
  return json as T;
}

/** The Stripe API itself, as a script would read it (any sk_test_ key works against the sandbox). */
export async function stripeGet<T>(path: string): Promise<T> {
  const response = await fetch(`${SANDBOX}/v1/${path}`, { headers: { Authorization: "Bearer sk_test_e2e" } });
  if (!response.ok) throw new Error(`GET /v1/${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** The subscription the checkout made for this email's customer. */
export async function subscriptionOf(email: string): Promise<string> {
  const customers = await stripeGet<{ data: { id: string }[] }>(`customers?email=${encodeURIComponent(email)}`);
  const subscriptions = await stripeGet<{ data: { id: string }[] }>(
    `subscriptions?customer=${customers.data[0]!.id}&status=all`,
  );
  return subscriptions.data[0]!.id;
}
