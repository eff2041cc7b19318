import type { StripeEvent, StripeObject, Unix } from "../core/types";

export interface EventRequest {
  id: string | null;
  idempotency_key: string | null;
}

export function buildEvent(input: {
  id: string;
  type: string;
  created: Unix;
  apiVersion: string;
  object: StripeObject;
  before?: StripeObject;
  request: EventRequest;
  pendingWebhooks: number;
}): StripeEvent {
  const previous = input.before ? previousAttributes(input.before, input.object) : undefined;
  return {
    id: input.id,
    object: "event",
    api_version: input.apiVersion,
    created: input.created,
    data: { object: input.object, ...(previous ? { previous_attributes: previous } : {}) },
    livemode: false,
    pending_webhooks: input.pendingWebhooks,
    request: { ...input.request },
    type: input.type,
  };
}

/** The earlier values of the top-level fields that changed, as Stripe sends in `data.previous_attributes`. */
function previousAttributes(before: StripeObject, after: StripeObject): Record<string, unknown> | undefined {
  const changed = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  if (changed.length === 0) return undefined;
  return Object.fromEntries(changed.map((key) => [key, before[key] ?? null]));
}
