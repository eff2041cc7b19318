import type { Category } from "../vocabulary";

/**
 * A flow template expands into several concrete flows, one per combination of slot values.
 *
 * Text fields may contain single-brace slots that the composer fills in:
 * - `{site}` / `{Site}`: display name of the primary site (`{Site}` capitalised), `{domain}`: its domain
 * - `{site2}` / `{Site2}` / `{domain2}`: the secondary site, when the template has one
 * - any key of `vars` or of a `combos` entry, e.g. `{report}`
 * - `{a_<slot>}`: the same value with its indefinite article, e.g. `{a_site}` -> "an eBay", `{a_role}` -> "a sales"
 *
 * Double-brace `{{variables}}` are left untouched: they are the inputs the end user fills in.
 */
export type FlowTemplate = {
  id: string;
  category: Category;
  title: string;
  summary: string;
  /** Candidate primary sites (domains). Ignored when `combos` is given. */
  sites?: string[];
  /** Candidate secondary sites (domains) for `{site2}`. Ignored when `combos` is given. */
  sites2?: string[];
  /** Slot values; the composer takes the cartesian product of sites x sites2 x vars. */
  vars?: Record<string, string[]>;
  /** Explicit combinations instead of a cartesian product. Must include `site`; may include `site2`. */
  combos?: Array<Record<string, string>>;
  /** Agents that handle this task well; the composer picks 1-3 of them. */
  agents: string[];
  /** 2-3 lowercase tags; the composer adds the site tag. */
  tags: string[];
  /** Creator handles who would plausibly publish this kind of flow. */
  creators: string[];
  objective: string;
  prerequisites: string[];
  inputs: Array<[string, string]>;
  steps: Array<[string, string]>;
  failures: string[];
  safety: string[];
};

/** Failure-handling sentences shared by many templates. */
export const COMMON_FAILURES = {
  login:
    "{Site} asks you to sign in or shows a two-factor prompt: stop and ask the user to sign in themselves; never type passwords or codes you were not given.",
  captcha:
    'A captcha or "are you a robot" check appears: pause and ask the user to solve it, then continue; do not retry in a loop.',
  rateLimit:
    '{Site} shows a rate-limit, "too many requests" or error page: wait at least a minute, reload once, then continue more slowly or stop and report progress.',
  layout:
    "A button or menu named in these steps is missing: the interface may have changed; look for the same wording in nearby menus, and if it is still not found, describe what you see instead of guessing.",
  ambiguous:
    "Several records or results match and you cannot tell which one the user means: list the candidates with distinguishing details and ask.",
} as const;

/** Safety sentences shared by many templates. */
export const COMMON_SAFETY = {
  irreversible:
    "Stop and ask before any action that cannot be undone (deleting, sending, publishing, paying, cancelling).",
  privacy:
    "Do not copy personal data (names, emails, addresses, phone numbers) anywhere other than the destination named in this flow.",
  payments: "Never enter payment details or complete a purchase; stop at the review page and hand over to the user.",
  readOnly: "This flow only reads; do not change settings, records or content on {site}.",
  credentials: "Never reveal, copy or store passwords, API keys or tokens that appear on screen.",
} as const;
