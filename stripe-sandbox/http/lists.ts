import { resourceMissing } from "../core/errors";
import type { Sandbox } from "../core/sandbox";
import type { ListObject, StripeObject } from "../core/types";
import { listOf } from "../objects/render";

export interface Pagination {
  limit?: number;
  starting_after?: string;
  ending_before?: string;
}

/** One page of a Stripe list. `items` are newest first; the cursors are ids of items in that order. */
export function paginate<T extends StripeObject>(items: T[], page: Pagination, url: string): ListObject<T> {
  const limit = page.limit ?? 10;
  if (page.ending_before !== undefined) {
    const end = indexOf(items, page.ending_before, "ending_before");
    const start = Math.max(0, end - limit);
    return listOf(items.slice(start, end), url, start > 0);
  }
  const start = page.starting_after === undefined ? 0 : indexOf(items, page.starting_after, "starting_after") + 1;
  return listOf(items.slice(start, start + limit), url, start + limit < items.length);
}

function indexOf(items: StripeObject[], id: string, param: string): number {
  const index = items.findIndex((item) => item.id === id);
  if (index === -1) throw resourceMissing("object", id, param);
  return index;
}

/** A page of stored objects in their API view. */
export function listView<T extends StripeObject>(
  sb: Sandbox,
  items: T[],
  page: Pagination,
  url: string,
): ListObject<StripeObject> {
  const list = paginate(items, page, url);
  return { ...list, data: list.data.map((item) => sb.view(item)) };
}
