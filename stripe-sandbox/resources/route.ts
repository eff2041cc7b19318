import type { Sandbox } from "../core/sandbox";
import type { AccountLink, ListObject, StripeObject } from "../core/types";
import type { FormObject } from "../http/form";
import type { Route } from "../http/router";

interface ApiContext {
  sb: Sandbox;
  /** Decoded form body (POST) or query string (GET, DELETE), without `expand`. */
  params: FormObject;
  /** Path parameters such as `:id`. */
  path: Record<string, string>;
}

/** Handles one Stripe endpoint inside a transaction and returns the API view of the result. */
type ApiHandler = (context: ApiContext) => StripeObject | ListObject | AccountLink;
export type ApiRoute = Route<ApiHandler>;
