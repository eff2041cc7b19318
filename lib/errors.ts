import { ZodError } from "zod";

/** The closed set of error codes the API answers with, and their HTTP status. */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 422,
  unauthorized: 401,
  forbidden: 403,
  premium_required: 403,
  email_unverified: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  quota_exceeded: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly retryAfterSeconds?: number;
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { field?: string; retryAfterSeconds?: number; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.details = options.details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export type ErrorBody = {
  error: { code: ErrorCode; message: string; field?: string } & Record<string, unknown>;
};

/** Turns anything thrown into a status and a safe JSON body. Unknown errors are logged and never leak details. */
export function toErrorBody(error: unknown): { status: number; body: ErrorBody; headers: Record<string, string> } {
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds !== undefined) headers["Retry-After"] = String(error.retryAfterSeconds);
    return {
      status: error.status,
      headers,
      body: {
        error: {
          code: error.code,
          message: error.message,
          ...(error.field ? { field: error.field } : {}),
          ...error.details,
        },
      },
    };
  }
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join(".") || undefined;
    return {
      status: 422,
      headers: {},
      body: {
        error: {
          code: "validation_failed",
          message: issue ? `${field ? `${field}: ` : ""}${issue.message}` : "Invalid input",
          ...(field ? { field } : {}),
        },
      },
    };
  }
  const unavailable = databaseUnavailableCode(error);
  if (unavailable) {
    // The database is restarting, failing over or refusing connections: a retry shortly after will work, so this
    // is a 503 with Retry-After (what clients and load balancers retry), never a 500.
    console.error(JSON.stringify({ level: "warn", msg: "database unavailable", code: unavailable }));
    return {
      status: 503,
      headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) },
      body: { error: { code: "unavailable", message: "The service is briefly unavailable. Try again in a moment." } },
    };
  }
  console.error(
    JSON.stringify({ level: "error", msg: "unhandled error", error: String(error), stack: (error as Error)?.stack }),
  );
  return {
    status: 500,
    headers: {},
    body: { error: { code: "internal", message: "Something went wrong on our side." } },
  };
}

const DATABASE_RETRY_AFTER_SECONDS = 2;

/** Errors that mean "the database cannot answer right now", by driver, socket or SQLSTATE code. */
const UNAVAILABLE_CODES = new Set([
  // postgres.js: the connection closed, ended or was destroyed mid-query, or could not be opened in time.
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  // Node sockets.
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  // PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down),
  // too_many_connections; serialization_failure and deadlock_detected, which a retry resolves.
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "40001",
  "40P01",
]);

/** The code that marks `error` (or an error it wraps) as the database being unavailable, or null. */
function databaseUnavailableCode(error: unknown): string | null {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const { code, cause, errors } = e as { code?: unknown; cause?: unknown; errors?: unknown };
    // SQLSTATE class 08 is "connection exception".
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return code;
    queue.push(cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return null;
}

export function errorResponse(error: unknown): Response {
  const { status, body, headers } = toErrorBody(error);
  return Response.json(body, { status, headers });
}
