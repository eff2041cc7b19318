/** The format flows.slug allows (see the flows_slug_format check); anything else cannot name a flow. */
const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function isFlowSlug(value: unknown): value is string {
  return typeof value === "string" && value.length <= 100 && SLUG_PATTERN.test(value);
}

/** Same rule as users_handle_format. */
const HANDLE_PATTERN = /^[a-z0-9][a-z0-9-]{1,38}$/;

export function isCreatorHandle(value: unknown): value is string {
  return typeof value === "string" && HANDLE_PATTERN.test(value);
}
