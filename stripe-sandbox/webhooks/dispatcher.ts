import type { Sandbox } from "../core/sandbox";
import type { DeliveryEntry, WebhookSettings } from "../core/store";
import type { StripeEvent } from "../core/types";
import { signatureHeader } from "./signature";

const MAX_ATTEMPTS = 8;
const TIMEOUT_MS = 10_000;
const LOG_SIZE = 1_000;

export interface DeliveryAttempt {
  event: string;
  type: string;
  attempt: number;
  /** The receiver's HTTP status, or null when it could not be reached. */
  status: number | null;
  error: string | null;
  outcome: "delivered" | "will_retry" | "gave_up";
  at: string;
}

/**
 * Delivers events to `${APP_URL}/api/webhooks/stripe` one at a time, in the order they happened. A failed delivery
 * (non-2xx or network error) goes back in the queue after retryBase * 2^(attempt-1) ms, up to MAX_ATTEMPTS, while
 * later events go on. The queue is part of the saved state, so a restart resumes it.
 */
export class WebhookDispatcher {
  readonly log: DeliveryAttempt[] = [];
  private running: Promise<void> | null = null;
  private inFlight = 0;
  private wakeTimer: NodeJS.Timeout | null = null;
  private readonly stop = new AbortController();

  constructor(private readonly sb: Sandbox) {}

  private get settings(): WebhookSettings & { queue: DeliveryEntry[] } {
    return this.sb.store.state.webhooks;
  }

  /** Queues the events of one change (the caller saves the state). */
  enqueue(events: StripeEvent[]): void {
    if (!this.settings.enabled || events.length === 0) return;
    const copies = this.settings.duplicate ? 2 : 1;
    const entries = events.flatMap((event) =>
      Array.from({ length: copies }, () => ({ eventId: event.id, attempt: 1, notBefore: 0 })),
    );
    this.settings.queue.push(...(this.settings.shuffle ? shuffled(entries, this.shuffleRandom()) : entries));
    setImmediate(() => this.start());
  }

  configure(changes: Partial<WebhookSettings>): ReturnType<WebhookDispatcher["describe"]> {
    Object.assign(this.settings, changes);
    if (!this.settings.enabled) this.settings.queue = [];
    return this.describe();
  }

  describe() {
    const { enabled, duplicate, shuffle, shuffleSeed, retryBaseMs } = this.settings;
    return {
      enabled,
      duplicate,
      shuffle,
      shuffleSeed: shuffleSeed ?? null,
      retryBaseMs: retryBaseMs ?? this.sb.config.retryBaseMs,
      endpoint: `${this.sb.config.appUrl}/api/webhooks/stripe`,
      pending_deliveries: this.pendingCount(),
    };
  }

  /** Math.random, or a seeded mulberry32 whose state is kept in the settings (so it survives a restart). */
  private shuffleRandom(): () => number {
    if (this.settings.shuffleSeed === undefined || this.settings.shuffleSeed === null) return Math.random;
    return () => {
      const state = ((this.settings.shuffleSeed ?? 0) + 0x6d2b79f5) >>> 0;
      this.settings.shuffleSeed = state;
      let x = Math.imul(state ^ (state >>> 15), 1 | state);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
    };
  }

  /** Starts delivering whatever is queued (also used at boot for a queue saved before a restart). */
  start(): void {
    if (this.running || this.stop.signal.aborted) return;
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Deliveries not yet done: queued, waiting to retry, or on the wire. */
  pendingCount(): number {
    return this.settings.queue.length + this.inFlight;
  }

  async close(): Promise<void> {
    this.stop.abort();
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    await this.running;
  }

  private async drain(): Promise<void> {
    for (let entry = this.takeReady(); entry; entry = this.takeReady()) {
      this.inFlight += 1;
      await this.deliver(entry).finally(() => {
        this.inFlight -= 1;
      });
      if (this.stop.signal.aborted) return;
    }
    this.wakeForRetry();
  }

  private takeReady(): DeliveryEntry | undefined {
    const index = this.settings.queue.findIndex((entry) => entry.notBefore <= Date.now());
    if (index === -1) return undefined;
    const [entry] = this.settings.queue.splice(index, 1);
    return entry;
  }

  private wakeForRetry(): void {
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    if (this.settings.queue.length === 0) return;
    const next = Math.min(...this.settings.queue.map((entry) => entry.notBefore));
    this.wakeTimer = setTimeout(() => this.start(), Math.max(0, next - Date.now()));
    this.wakeTimer.unref();
  }

  private async deliver(entry: DeliveryEntry): Promise<void> {
    const event = this.sb.store.get("events", entry.eventId);
    if (!event) return; // the state was reset meanwhile
    const payload = JSON.stringify(event, null, 2);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(`${this.sb.config.appUrl}/api/webhooks/stripe`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          "Stripe-Signature": signatureHeader(payload, this.sb.config.webhookSecret, Math.floor(Date.now() / 1000)),
        },
        body: payload,
        signal: AbortSignal.any([this.stop.signal, AbortSignal.timeout(TIMEOUT_MS)]),
      });
      status = response.status;
      await response.arrayBuffer();
    } catch (failure) {
      error =
        failure instanceof Error
          ? failure.cause instanceof Error
            ? failure.cause.message
            : failure.message
          : String(failure);
    }
    if (this.stop.signal.aborted) return;

    const delivered = status !== null && status >= 200 && status < 300;
    const retry = !delivered && entry.attempt < MAX_ATTEMPTS;
    if (delivered) {
      const current = this.sb.store.get("events", entry.eventId);
      if (current) current.pending_webhooks = 0;
    } else if (retry) {
      const base = this.settings.retryBaseMs ?? this.sb.config.retryBaseMs;
      this.settings.queue.push({
        ...entry,
        attempt: entry.attempt + 1,
        notBefore: Date.now() + base * 2 ** (entry.attempt - 1),
      });
    }
    this.record({
      event: event.id,
      type: event.type,
      attempt: entry.attempt,
      status,
      error,
      outcome: delivered ? "delivered" : retry ? "will_retry" : "gave_up",
      at: new Date().toISOString(),
    });
    this.sb.store.save();
  }

  private record(attempt: DeliveryAttempt): void {
    this.log.push(attempt);
    if (this.log.length > LOG_SIZE) this.log.shift();
    if (attempt.outcome !== "delivered") {
      console.warn(
        `stripe-sandbox: webhook ${attempt.type} ${attempt.event} attempt ${attempt.attempt} failed (${attempt.status ?? attempt.error}); ${attempt.outcome}`,
      );
    }
  }
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
