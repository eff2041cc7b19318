import { realNow } from "../core/clock";
import { StripeError } from "../core/errors";
import type { IdempotencyRecord, Store } from "../core/store";

// Stripe keeps a key's first response for 24 hours of real time (test clocks do not age keys). The SDK sends a key
// with every POST, so the sandbox also keeps only the latest few hundred to keep its state file small.
const KEY_LIFETIME_SECONDS = 24 * 60 * 60;
const MAX_KEYS = 500;

/** What makes two requests "the same": method, path and decoded parameters. */
export function fingerprintOf(method: string, path: string, params: unknown): string {
  return JSON.stringify([method, path, params]);
}

/** The saved response for this key, or an `idempotency_error` when the key was used for a different request. */
export function savedResponse(store: Store, key: string, fingerprint: string): IdempotencyRecord | undefined {
  forgetExpired(store);
  const saved = store.state.idempotency[key];
  if (!saved) return undefined;
  if (saved.fingerprint !== fingerprint) {
    throw new StripeError(
      400,
      "idempotency_error",
      `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
    );
  }
  return saved;
}

export function saveResponse(store: Store, key: string, fingerprint: string, status: number, body: unknown): void {
  const saved = store.state.idempotency;
  saved[key] = { fingerprint, status, body, created: realNow() };
  const keys = Object.keys(saved);
  const excess = Math.max(0, keys.length - MAX_KEYS);
  for (const oldest of keys.slice(0, excess)) delete saved[oldest];
  store.save();
}

function forgetExpired(store: Store): void {
  const oldest = realNow() - KEY_LIFETIME_SECONDS;
  for (const [key, record] of Object.entries(store.state.idempotency)) {
    if (record.created < oldest) delete store.state.idempotency[key];
  }
}
