import { z } from "zod";
import {
  CATALOG_ACCESS,
  CATALOG_SORTS,
  DEFAULT_PAGE_SIZE,
  DEFAULT_SORT,
  MAX_PAGE,
  MAX_PAGE_SIZE,
} from "./catalog-href";

// The catalogue's query string, shared by /flows and GET /api/v1/flows:
//   ?q=&agent=&site=&tag=&access=free|premium&sort=popular|new|liked&page=1&pageSize=20
// The API rejects a bad value with 422 and the field at fault; the page quietly falls back to the default.

export const catalogParamsSchema = z.object({
  q: z.string().max(200).optional(),
  agent: z.string().max(100).optional(),
  site: z.string().max(200).optional(),
  tag: z.string().max(100).optional(),
  access: z.enum(CATALOG_ACCESS).optional(),
  sort: z.enum(CATALOG_SORTS).default(DEFAULT_SORT),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});

export type CatalogParams = z.infer<typeof catalogParamsSchema>;
type ParamKey = keyof CatalogParams;

const PARAM_KEYS = Object.keys(catalogParamsSchema.shape) as ParamKey[];

export type RawSearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** The known keys, first value of each, trimmed; empty values (an untouched form field) count as absent. */
function readRaw(raw: RawSearchParams): Partial<Record<ParamKey, string>> {
  const out: Partial<Record<ParamKey, string>> = {};
  for (const key of PARAM_KEYS) {
    const value = raw instanceof URLSearchParams ? raw.get(key) : raw[key];
    const first = Array.isArray(value) ? value[0] : value;
    const trimmed = first?.trim();
    if (trimmed) out[key] = trimmed;
  }
  return out;
}

/** For the API: throws a ZodError naming the field at fault (lib/errors.ts turns it into 422). */
export function parseCatalogParams(raw: RawSearchParams): CatalogParams {
  return catalogParamsSchema.parse(readRaw(raw));
}

/** For pages: every invalid value is dropped and its default used, so an old or hand-edited URL still renders. */
export function parseCatalogParamsLeniently(raw: RawSearchParams): CatalogParams {
  const values = readRaw(raw);
  const kept: Partial<Record<ParamKey, string>> = {};
  for (const key of PARAM_KEYS) {
    if (values[key] !== undefined && catalogParamsSchema.shape[key].safeParse(values[key]).success) {
      kept[key] = values[key];
    }
  }
  return catalogParamsSchema.parse(kept);
}

/** True when any filter or search narrows the catalogue (the sort does not). */
export function hasCatalogFilters(params: CatalogParams): boolean {
  return Boolean(params.q || params.agent || params.site || params.tag || params.access);
}
