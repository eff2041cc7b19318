import { z } from "zod";

/** The awaited `searchParams` of an admin page. */
export type SearchParams = Record<string, string | string[] | undefined>;

const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

/** A 1-based page number from a query parameter; anything else is page 1. */
export function pageParam(params: SearchParams, name: string): number {
  return pageSchema.parse(params[name]);
}

/** One of `values` from a query parameter, or `fallback`. */
export function choiceParam<T extends string>(
  params: SearchParams,
  name: string,
  values: readonly T[],
  fallback: T,
): T {
  const value = params[name];
  return typeof value === "string" && (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
