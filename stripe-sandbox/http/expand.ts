import { invalidRequest } from "../core/errors";

const MAX_DEPTH = 4;

type Resolve = (id: string) => Record<string, unknown> | undefined;

/**
 * Applies `expand[]` paths to a response: each dotted path names a field holding an object id, which is replaced by
 * the object. Lists are crossed by their `data` array (`data.customer`, `items.data.price.product`).
 */
export function expandResponse(
  body: Record<string, unknown>,
  paths: string[],
  resolve: Resolve,
): Record<string, unknown> {
  for (const path of paths) {
    const segments = path.split(".");
    if (segments.length > MAX_DEPTH) {
      throw invalidRequest(`You cannot expand more than ${MAX_DEPTH} levels of a property (${path}).`, "expand");
    }
    expandIn(body, segments, path, resolve);
  }
  return body;
}

function expandIn(container: Record<string, unknown>, segments: string[], path: string, resolve: Resolve): void {
  const [field, ...rest] = segments;
  const value = container[field];
  if (value === null) return;
  if (Array.isArray(value)) {
    value.forEach((element, index) => {
      if (rest.length > 0 && isRecord(element)) expandIn(element, rest, path, resolve);
      else if (rest.length === 0 && typeof element === "string") value[index] = resolveOrThrow(element, path, resolve);
      else throw cannotExpand(path);
    });
    return;
  }
  if (typeof value === "string") container[field] = resolveOrThrow(value, path, resolve);
  else if (!isRecord(value)) throw cannotExpand(path);
  const expanded = container[field];
  if (rest.length > 0 && isRecord(expanded)) expandIn(expanded, rest, path, resolve);
}

function resolveOrThrow(id: string, path: string, resolve: Resolve): Record<string, unknown> {
  const found = resolve(id);
  if (!found) throw cannotExpand(path);
  return found;
}

function cannotExpand(path: string) {
  return invalidRequest(`This property cannot be expanded (${path}).`, "expand");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
