import { ZodError } from "zod";

/** The closed set of error codes the API answers with, and their HTTP status. */
const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 422,
  unauthorized: 401,
  forbidden: 403,
  premium_required: 403,
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
  console.error(
    JSON.stringify({ level: "error", msg: "unhandled error", error: String(error), stack: (error as Error)?.stack }),
  );
  return {
    status: 500,
    headers: {},
    body: { error: { code: "internal", message: "Something went wrong on our side." } },
  };
}

export function errorResponse(error: unknown): Response {
  const { status, body, headers } = toErrorBody(error);
  return Response.json(body, { status, headers });
}
