import { invalidRequest } from "../core/errors";

/** A decoded Stripe form: strings nested in objects. Lists stay objects keyed "0", "1", ... (see `listOf`). */
export type FormValue = string | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

const KEY = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;
const FORBIDDEN = new Set(["__proto__", "prototype", "constructor"]);

/**
 * Decodes `application/x-www-form-urlencoded` with Stripe's bracket nesting: `metadata[plan]=pro`,
 * `line_items[0][price]=price_x`, `expand[]=customer` (each `[]` appends the next index).
 */
export function parseForm(text: string): FormObject {
  const root: FormObject = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const segments = splitKey(key);
    let container = root;
    segments.forEach((segment, index) => {
      const name = segment === "" ? String(Object.keys(container).length) : segment;
      if (index === segments.length - 1) {
        if (typeof container[name] === "object") throw invalidRequest(`Invalid value for ${key}: expected a hash`, key);
        container[name] = value;
        return;
      }
      const next = container[name] ?? {};
      if (typeof next === "string") throw invalidRequest(`Invalid value for ${key}: ${segment} is not a hash`, key);
      container[name] = next;
      container = next;
    });
  }
  return root;
}

function splitKey(key: string): string[] {
  const match = KEY.exec(key);
  if (!match) throw invalidRequest(`Invalid parameter name: ${key}`, key);
  const segments = [match[1], ...[...match[2].matchAll(/\[([^[\]]*)\]/g)].map((part) => part[1])];
  if (segments.some((segment) => FORBIDDEN.has(segment))) throw invalidRequest(`Invalid parameter name: ${key}`, key);
  return segments;
}
