import { z } from "zod";
import { invalidRequest } from "../core/errors";
import { newId } from "../core/ids";
import type { Sandbox } from "../core/sandbox";
import type { Product } from "../core/types";
import { listView } from "../http/lists";
import {
  boolean,
  inRange,
  integer,
  listOf,
  mergeMetadata,
  metadata,
  pagination,
  parseParams,
  positiveInteger,
  range,
  text,
} from "../http/params";
import { buildPrice, buildProduct } from "../objects/catalog";
import type { ApiRoute } from "./route";

const productParams = z.strictObject({
  id: text.optional(),
  name: text,
  description: text.optional(),
  active: boolean.optional(),
  metadata: metadata.optional(),
});
const productListParams = z.strictObject({ ...pagination, active: boolean.optional(), created: range.optional() });

const priceParams = z.strictObject({
  currency: text.transform((currency) => currency.toLowerCase()),
  unit_amount: integer.refine((amount) => amount >= 0, { error: "unit_amount must be 0 or more." }),
  product: text.optional(),
  product_data: z.strictObject({ name: text, metadata: metadata.optional() }).optional(),
  recurring: z
    .strictObject({ interval: z.enum(["day", "week", "month", "year"]), interval_count: positiveInteger.optional() })
    .optional(),
  lookup_key: text.optional(),
  transfer_lookup_key: boolean.optional(),
  nickname: text.optional(),
  active: boolean.optional(),
  metadata: metadata.optional(),
});
const priceListParams = z.strictObject({
  ...pagination,
  active: boolean.optional(),
  product: text.optional(),
  currency: text.optional(),
  type: z.enum(["one_time", "recurring"]).optional(),
  lookup_keys: listOf(text).optional(),
  created: range.optional(),
});

export const catalogRoutes: ApiRoute[] = [
  {
    method: "POST",
    path: "/v1/products",
    handler: ({ sb, params }) => {
      const p = parseParams(productParams, params);
      if (p.id && sb.store.get("products", p.id))
        throw invalidRequest(`Product already exists.`, "id", "resource_already_exists");
      return sb.view(
        createProduct(sb, {
          id: p.id,
          name: p.name,
          description: p.description,
          active: p.active,
          metadata: p.metadata,
        }),
      );
    },
  },
  { method: "GET", path: "/v1/products/:id", handler: ({ sb, path }) => sb.view(sb.require("products", path.id)) },
  {
    method: "GET",
    path: "/v1/products",
    handler: ({ sb, params }) => {
      const p = parseParams(productListParams, params);
      const products = sb.store
        .all("products")
        .filter(
          (product) => (p.active === undefined || product.active === p.active) && inRange(product.created, p.created),
        );
      return listView(sb, products, p, "/v1/products");
    },
  },
  {
    method: "POST",
    path: "/v1/prices",
    handler: ({ sb, params }) => {
      const p = parseParams(priceParams, params);
      if (!p.product && !p.product_data)
        throw invalidRequest("Missing required param: product.", "product", "parameter_missing");
      const product = p.product
        ? sb.require("products", p.product, "product")
        : createProduct(sb, { name: p.product_data?.name ?? "", metadata: p.product_data?.metadata });
      if (p.lookup_key) releaseLookupKey(sb, p.lookup_key, p.transfer_lookup_key ?? false);
      const price = buildPrice({
        id: newId("price"),
        created: sb.now(),
        product: product.id,
        currency: p.currency,
        unitAmount: p.unit_amount,
        recurring: p.recurring
          ? { interval: p.recurring.interval, intervalCount: p.recurring.interval_count ?? 1 }
          : null,
        lookupKey: p.lookup_key ?? null,
        nickname: p.nickname ?? null,
        metadata: mergeMetadata({}, p.metadata),
        active: p.active ?? true,
      });
      sb.store.insert("prices", price);
      sb.emit("price.created", price);
      return sb.view(price);
    },
  },
  { method: "GET", path: "/v1/prices/:id", handler: ({ sb, path }) => sb.view(sb.require("prices", path.id)) },
  {
    method: "GET",
    path: "/v1/prices",
    handler: ({ sb, params }) => {
      const p = parseParams(priceListParams, params);
      const prices = sb.store
        .all("prices")
        .filter(
          (price) =>
            (p.active === undefined || price.active === p.active) &&
            (p.product === undefined || price.product === p.product) &&
            (p.currency === undefined || price.currency === p.currency) &&
            (p.type === undefined || price.type === p.type) &&
            (p.lookup_keys === undefined || (price.lookup_key !== null && p.lookup_keys.includes(price.lookup_key))) &&
            inRange(price.created, p.created),
        );
      return listView(sb, prices, p, "/v1/prices");
    },
  },
];

function createProduct(
  sb: Sandbox,
  input: { id?: string; name: string; description?: string; active?: boolean; metadata?: z.output<typeof metadata> },
): Product {
  const product = buildProduct({
    id: input.id ?? newId("prod"),
    created: sb.now(),
    name: input.name,
    description: input.description ?? null,
    metadata: mergeMetadata({}, input.metadata),
    active: input.active ?? true,
  });
  sb.store.insert("products", product);
  sb.emit("product.created", product);
  return product;
}

/** Lookup keys are unique: another price keeps its key unless transfer_lookup_key moves it. */
function releaseLookupKey(sb: Sandbox, lookupKey: string, transfer: boolean): void {
  const holder = sb.store.all("prices").find((price) => price.lookup_key === lookupKey);
  if (!holder) return;
  if (!transfer) {
    throw invalidRequest(
      `A price (\`${holder.id}\`) already uses that lookup key. Set transfer_lookup_key to move it to the new price.`,
      "lookup_key",
    );
  }
  holder.lookup_key = null;
}
