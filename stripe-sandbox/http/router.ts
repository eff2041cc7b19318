type Method = "GET" | "POST" | "DELETE";

export interface Route<Handler> {
  method: Method;
  /** e.g. "/v1/subscriptions/:id/resume" */
  path: string;
  handler: Handler;
}

export interface Match<Handler> {
  handler: Handler;
  params: Record<string, string>;
}

/** Finds the route for a method and path; `:name` segments match one path segment and land in `params`. */
export function matchRoute<Handler>(
  routes: Route<Handler>[],
  method: string,
  pathname: string,
): Match<Handler> | undefined {
  const actual = pathname.split("/");
  for (const route of routes) {
    if (route.method !== method) continue;
    const expected = route.path.split("/");
    if (expected.length !== actual.length) continue;
    const params: Record<string, string> = {};
    const matches = expected.every((segment, index) => {
      if (segment.startsWith(":")) {
        params[segment.slice(1)] = decodeURIComponent(actual[index]);
        return actual[index] !== "";
      }
      return segment === actual[index];
    });
    if (matches) return { handler: route.handler, params };
  }
  return undefined;
}
