export type StripeErrorType = "invalid_request_error" | "card_error" | "api_error" | "idempotency_error";

interface ErrorDetails {
  code?: string;
  param?: string;
  decline_code?: string;
  charge?: string;
  /**
   * The request ran and changed state before failing (a declined charge is recorded), so its effects are kept, and
   * like Stripe the response is saved under the request's idempotency key. Validation errors have no effects.
   */
  keepEffects?: boolean;
}

/** An error answered in Stripe's shape: `{ error: { type, code, message, param } }`. */
export class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }

  get keepEffects(): boolean {
    return this.details.keepEffects ?? false;
  }

  toJSON(): { error: Record<string, unknown> } {
    const { keepEffects: _internal, ...fields } = this.details;
    const docUrl = fields.code ? `https://stripe.com/docs/error-codes/${fields.code.replaceAll("_", "-")}` : undefined;
    return { error: { type: this.type, message: this.message, ...fields, ...(docUrl ? { doc_url: docUrl } : {}) } };
  }
}

export function invalidRequest(message: string, param?: string, code?: string): StripeError {
  return new StripeError(400, "invalid_request_error", message, { param, code });
}

/** A state the request cannot proceed from, decided while running (saved for idempotent replay like Stripe does). */
export function refusedRequest(message: string, code: string, param?: string): StripeError {
  return new StripeError(400, "invalid_request_error", message, { code, param, keepEffects: true });
}

/** `No such customer: 'cus_x'`: 404 for the object in the path, 400 for an id given as a parameter. */
export function resourceMissing(kind: string, id: string, param = "id"): StripeError {
  return new StripeError(param === "id" ? 404 : 400, "invalid_request_error", `No such ${kind}: '${id}'`, {
    code: "resource_missing",
    param,
  });
}

/** A card decline (402). With the failed charge it recorded, its effects are kept; without one, nothing happened. */
export function cardDeclined(
  decline: { code: string; declineCode: string; message: string },
  charge?: string,
): StripeError {
  return new StripeError(402, "card_error", decline.message, {
    code: decline.code,
    decline_code: decline.declineCode,
    charge,
    keepEffects: charge !== undefined,
  });
}
