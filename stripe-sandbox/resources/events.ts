import { z } from "zod";
import { listView } from "../http/lists";
import { inRange, listOf, pagination, parseParams, range, text } from "../http/params";
import type { ApiRoute } from "./route";

const listParams = z.strictObject({
  ...pagination,
  type: text.optional(),
  types: listOf(text).optional(),
  created: range.optional(),
});

export const eventRoutes: ApiRoute[] = [
  { method: "GET", path: "/v1/events/:id", handler: ({ sb, path }) => sb.view(sb.require("events", path.id)) },
  {
    method: "GET",
    path: "/v1/events",
    handler: ({ sb, params }) => {
      const p = parseParams(listParams, params);
      const patterns = [...(p.type ? [p.type] : []), ...(p.types ?? [])].map(typePattern);
      const events = sb.store
        .all("events")
        .filter(
          (event) =>
            (patterns.length === 0 || patterns.some((pattern) => pattern.test(event.type))) &&
            inRange(event.created, p.created),
        );
      return listView(sb, events, p, "/v1/events");
    },
  },
];

/** `customer.subscription.*` style wildcards, as Stripe's `type` filter accepts. */
function typePattern(type: string): RegExp {
  const escaped = type.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*");
  return new RegExp(`^${escaped}$`);
}
