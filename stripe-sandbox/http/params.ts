import { z } from "zod";
import { invalidRequest, type StripeError } from "../core/errors";
import type { Metadata } from "../core/types";
import type { FormValue } from "./form";

// Zod schemas for Stripe's form parameters (every value arrives as a string) and the mapping of a failed parse to
// Stripe's own messages: "Missing required param: x.", "Received unknown parameter: x", "Invalid integer: y".

export const text = z.string();

export const integer = z
  .string()
  .regex(/^-?\d+$/, { error: (issue) => `Invalid integer: ${String(issue.input)}` })
  .transform(Number);

export const positiveInteger = integer.refine((value) => value > 0, {
  error: "This value must be greater than or equal to 1.",
});

export const boolean = z
  .enum(["true", "false"], { error: (issue) => `Invalid boolean: ${String(issue.input)}` })
  .transform((value) => value === "true");

/** An empty string unsets a field, as in Stripe (`pause_collection=`). */
export const empty = z.literal("");

/** `metadata[key]=value`; an empty value deletes the key and `metadata=` clears them all. */
export const metadata = z.union([empty, z.record(z.string(), z.string().max(500))]);

/** Stripe's lists arrive as `name[0]`, `name[1]` (or `name[]`): an object keyed by index, read here in order. */
export function listOf<S extends z.ZodType>(item: S) {
  return z.preprocess((value) => (isIndexed(value) ? Object.values(value) : value), z.array(item));
}

/** A timestamp filter: `created=123` or `created[gte]=123` (with gt, gte, lt, lte). */
export const range = z.union([
  integer.transform((value) => ({ gte: value, lte: value })),
  z.strictObject({ gt: integer.optional(), gte: integer.optional(), lt: integer.optional(), lte: integer.optional() }),
]);
export type Range = z.output<typeof range>;

export function inRange(value: number, filter: Range | undefined): boolean {
  if (!filter) return true;
  const { gt, gte, lt, lte } = filter as { gt?: number; gte?: number; lt?: number; lte?: number };
  return (
    (gt === undefined || value > gt) &&
    (gte === undefined || value >= gte) &&
    (lt === undefined || value < lt) &&
    (lte === undefined || value <= lte)
  );
}

export const pagination = {
  limit: integer
    .refine((value) => value >= 1 && value <= 100, { error: "This value must be between 1 and 100." })
    .optional(),
  starting_after: text.optional(),
  ending_before: text.optional(),
};

export const expandPaths = listOf(text).optional();

/** Validates parameters against a schema, throwing the Stripe error for the first problem. */
export function parseParams<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  throw toStripeError(result.error, raw);
}

/** Applies a metadata update to the current metadata. */
export function mergeMetadata(current: Metadata, update: z.output<typeof metadata> | undefined): Metadata {
  if (update === undefined) return current;
  if (update === "") return {};
  const merged = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === "") delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

function toStripeError(error: z.ZodError, raw: unknown): StripeError {
  const issue = error.issues.find((candidate) => candidate.code === "unrecognized_keys") ?? error.issues[0];
  if (issue.code === "unrecognized_keys") {
    const param = formatParam([...issue.path, issue.keys[0]]);
    return invalidRequest(`Received unknown parameter: ${param}`, param, "parameter_unknown");
  }
  const param = formatParam(issue.path);
  if (valueAt(raw, issue.path) === undefined) {
    return invalidRequest(`Missing required param: ${param}.`, param, "parameter_missing");
  }
  if (issue.code === "invalid_value") {
    return invalidRequest(`Invalid ${param}: must be one of ${issue.values.map(String).join(", ")}`, param);
  }
  if (issue.code === "invalid_type" || issue.code === "invalid_union") {
    return invalidRequest(`Invalid value for ${param}.`, param);
  }
  return invalidRequest(`${issue.message} (${param})`, param);
}

/** ["line_items", 0, "price"] -> "line_items[0][price]" */
function formatParam(path: PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  return head + rest.map((segment) => `[${segment}]`).join("");
}

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let current: unknown = raw;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    const container = typeof segment === "number" && isIndexed(current) ? Object.values(current) : current;
    current = (container as Record<string, unknown>)[String(segment)];
  }
  return current;
}

function isIndexed(value: unknown): value is Record<string, FormValue> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => /^\d+$/.test(key));
}

/** For nullable string fields: undefined leaves the field alone, "" clears it (null). */
export function clearable(value: string | undefined): string | null | undefined {
  return value === "" ? null : value;
}
