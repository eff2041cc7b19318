import type { FieldErrors } from "./flow-input";

/**
 * The Markdown flow format (shown to creators in the editor's help text, see FLOW_MARKDOWN_EXAMPLE):
 *
 *   ---
 *   title: Watch an Amazon price and post to Slack
 *   summary: Checks a product page each morning and posts to Slack when the price drops below your target.
 *   agents: Perplexity Comet, Claude for Chrome
 *   sites: amazon.com, slack.com
 *   tags: price-tracking, slack
 *   category: Shopping
 *   premium: true
 *   ---
 *
 *   # Watch an Amazon price and post to Slack
 *   ...everything below the front matter is the prompt text, the Steps section included...
 *
 *   ## Steps
 *   1. **Open the product page**: Go to {{product_url}} and wait for the price to load.
 *   2. Compare the price — If it is below {{target}}, continue; otherwise stop.
 *
 * Front matter: one `key: value` per line between two `---` lines; `#` starts a comment line. Values may be
 * wrapped in quotes. `agents`, `sites` and `tags` are comma-separated lists (YAML's `[a, b]` also works).
 * `premium` is `true` or `false`.
 * Steps: the numbered items of the `## Steps` section, up to the next heading. An item is
 * `N. **Title**: body` (also `**Title.** body` or `**Title:** body`) or `N. Title — body` (em or en dash, or ` -- `).
 * Lines under an item belong to its body (joined as Markdown would: one paragraph per blank-line-separated
 * block, list lines kept on their own line); an item whose first line is only a title takes its body from them.
 *
 * Why no YAML library: this subset is flat `key: value` strings and comma lists. A YAML parser would add a
 * dependency and YAML's implicit typing (`no` becomes false, `1.10` becomes 1.1, a title with `: ` breaks), and
 * we need errors that name our fields and the line at fault. Thirty lines of parsing do all of that.
 */

export type MarkdownFlowDraft = {
  title?: string;
  summary?: string;
  promptText?: string;
  steps?: Array<{ title: string; body: string }>;
  agents?: string[];
  sites?: string[];
  tags?: string[];
  category?: string;
  isPremium?: boolean;
};

/** Front matter key -> the flow field it fills. */
const KEYS = {
  title: "title",
  summary: "summary",
  agents: "agents",
  sites: "sites",
  tags: "tags",
  category: "category",
  premium: "isPremium",
} as const;
type FrontMatterKey = keyof typeof KEYS;
const LIST_KEYS: ReadonlySet<FrontMatterKey> = new Set(["agents", "sites", "tags"]);
const REQUIRED_KEYS: FrontMatterKey[] = ["title", "summary", "agents", "category", "premium"];

const STEP_FORMAT = (n: number) => `write it as "${n}. **Title**: what to do" or "${n}. Title — what to do"`;

export function parseMarkdownFlow(source: string): { draft: MarkdownFlowDraft; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const lines = source
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n");

  let open = 0;
  while (lines[open]?.trim() === "") open++;
  if (lines[open]?.trim() !== "---") {
    errors.file =
      "Start the file with front matter: a --- line, then title:, summary:, agents:, category: and premium:, then another --- line.";
    return { draft: {}, errors };
  }
  const close = lines.findIndex((line, i) => i > open && line.trim() === "---");
  if (close === -1) {
    errors.file = `The front matter that starts on line ${open + 1} has no closing --- line.`;
    return { draft: {}, errors };
  }

  const draft: MarkdownFlowDraft = {};
  // Each key with the (1-based) line it is on.
  const seen = new Map<FrontMatterKey, number>();
  for (const [index, raw] of lines.slice(open + 1, close).entries()) {
    const lineNo = open + 2 + index;
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/s.exec(line);
    if (!match) {
      errors.file ??= `Line ${lineNo} of the front matter is not "key: value".`;
      continue;
    }
    const [, rawKey = "", rawValue = ""] = match;
    const key = rawKey.toLowerCase();
    if (!(key in KEYS)) {
      errors.file ??= `Unknown front matter key "${rawKey}" on line ${lineNo}: use ${Object.keys(KEYS).join(", ")}.`;
      continue;
    }
    const known = key as FrontMatterKey;
    const field = KEYS[known];
    const firstLine = seen.get(known);
    if (firstLine !== undefined) {
      errors[field] ??= `"${known}" appears twice in the front matter (lines ${firstLine} and ${lineNo}).`;
      continue;
    }
    seen.set(known, lineNo);
    const value = rawValue.trim();
    if (LIST_KEYS.has(known)) {
      draft[field as "agents" | "sites" | "tags"] = splitList(value);
    } else if (known === "premium") {
      const flag = unquote(value).toLowerCase();
      if (flag === "true" || flag === "false") draft.isPremium = flag === "true";
      else errors.isPremium = `Write "premium: true" or "premium: false" (line ${lineNo} says "${value}").`;
    } else {
      draft[field as "title" | "summary" | "category"] = unquote(value);
    }
  }
  for (const key of REQUIRED_KEYS) {
    if (!seen.has(key)) errors[KEYS[key]] ??= `Add "${key}:" to the front matter.`;
  }

  const body = lines.slice(close + 1);
  draft.promptText = body.join("\n").trim();
  if (draft.promptText === "") errors.promptText = "Write the prompt text below the front matter.";

  const steps = parseSteps(body, errors);
  if (steps) draft.steps = steps;
  return { draft, errors };
}

function unquote(value: string): string {
  const inner = (/^"(.*)"$/.exec(value) ?? /^'(.*)'$/.exec(value))?.[1];
  return (inner ?? value).trim();
}

function splitList(value: string): string[] {
  const inner = /^\[(.*)\]$/.exec(value)?.[1] ?? value;
  return inner
    .split(",")
    .map((item) => unquote(item.trim()))
    .filter((item) => item !== "");
}

// Every pattern here runs on lines of an uploaded file (up to 256 KB on one line): none may backtrack
// quadratically. `s` makes `.` match every character, so `(.*)$` never fails and gives back what `\s+` took
// (a line can still hold U+2028, which `.` alone does not match).
const STEPS_HEADING_START = /^##\s+steps/i;
const ANY_HEADING = /^#{1,6}\s/;
const ITEM = /^\s{0,3}\d{1,3}[.)]\s+(.*)$/s;

/** "## Steps", "## Steps:", "## Steps ##" (the old `\s*:?\s*#*\s*$` tail, written without nested backtracking). */
function isStepsHeading(line: string): boolean {
  const start = STEPS_HEADING_START.exec(line);
  if (!start) return false;
  let tail = line.slice(start[0].length).trimStart();
  if (tail.startsWith(":")) tail = tail.slice(1).trimStart();
  let hashes = 0;
  while (tail[hashes] === "#") hashes++;
  return tail.slice(hashes).trim() === "";
}

/** The numbered items of the `## Steps` section, or undefined (with an error on `steps`) when there are none. */
function parseSteps(body: string[], errors: FieldErrors): Array<{ title: string; body: string }> | undefined {
  const start = body.findIndex((line) => isStepsHeading(line.trim()));
  if (start === -1) {
    errors.steps = 'Add a "## Steps" section with a numbered list: 1. **Title**: what to do.';
    return undefined;
  }
  const items: Array<{ first: string; rest: string[] }> = [];
  for (const line of body.slice(start + 1)) {
    if (ANY_HEADING.test(line.trim())) break;
    const item = ITEM.exec(line);
    if (item) items.push({ first: (item[1] ?? "").trim(), rest: [] });
    else items.at(-1)?.rest.push(line.trim());
  }
  if (items.length === 0) {
    errors.steps = 'The "## Steps" section has no numbered items: 1. **Title**: what to do.';
    return undefined;
  }
  return items.map((item, index) => {
    const more = joinMarkdownLines(item.rest);
    const split = splitStepLine(item.first);
    if (split) return { title: split.title, body: joinMarkdownLines([split.body, ...item.rest]) };
    if (more) return { title: stripBold(item.first), body: more };
    errors[`steps.${index}`] = `Step ${index + 1} has no body: ${STEP_FORMAT(index + 1)}.`;
    return { title: stripBold(item.first), body: "" };
  });
}

/**
 * Continuation lines as Markdown reads them: lines of one paragraph join with a space (a soft line break),
 * blank lines separate paragraphs, and a line that starts a list item keeps its own line.
 */
function joinMarkdownLines(lines: string[]): string {
  let text = "";
  let blank = false;
  for (const line of lines) {
    if (line === "") {
      blank = text !== "";
      continue;
    }
    if (text === "") text = line;
    else if (blank) text += `\n\n${line}`;
    else text += /^([-*+]|\d{1,3}[.)])\s/.test(line) ? `\n${line}` : ` ${line}`;
    blank = false;
  }
  return text;
}

/** `**Title**: body`, `**Title.** body`, `Title — body`, `Title -- body`; null when the line has no separator. */
function splitStepLine(line: string): { title: string; body: string } | null {
  // With `s`, `(.*)$` always matches, so the first closing ** ends the title (the lazy `.+?` stops there).
  const bold = /^\*\*(.+?)\*\*\s*[:.]?\s*(.*)$/s.exec(line);
  if (bold) {
    const [, title = "", rest = ""] = bold;
    const body = rest.trim();
    return body ? { title: title.replace(/[:.]\s*$/, "").trim(), body } : null;
  }
  // Was /^(.+?)\s*[—–]\s*(.+)$/ and /^(.+?)\s+--\s+(.+)$/: quadratic on a long line without the separator.
  return splitAtSeparator(line, /[—–]/g) ?? splitAtSeparator(line, /\s--\s/g);
}

/**
 * The title before the first `separator` that has at least one character before it and one after it (what the
 * old lazy patterns matched), in one linear scan.
 */
function splitAtSeparator(line: string, separator: RegExp): { title: string; body: string } | null {
  separator.lastIndex = 1;
  for (let found = separator.exec(line); found; found = separator.exec(line)) {
    const after = line.slice(found.index + found[0].length);
    if (after !== "") return { title: line.slice(0, found.index).trim(), body: after.trim() };
    separator.lastIndex = found.index + 1;
  }
  return null;
}

/** "**Title**", "**Title**:" or "Title:" as a bare title (the old `^\*\*(.+?)\*\*\s*[:.]?\s*$`, without backtracking). */
function stripBold(line: string): string {
  let end = line.trimEnd();
  if (end.endsWith(":") || end.endsWith(".")) end = end.slice(0, -1).trimEnd();
  const bare = end.length >= 5 && end.startsWith("**") && end.endsWith("**") ? end.slice(2, -2) : line;
  return bare.replace(/[:.]\s*$/, "").trim();
}

/** Shown in the editor's help; the format described at the top of this file. */
export const FLOW_MARKDOWN_EXAMPLE = `---
title: Watch an Amazon price and post to Slack
summary: Checks a product page each morning and posts to Slack when the price drops below your target.
agents: Perplexity Comet, Claude for Chrome
sites: amazon.com, slack.com
tags: price-tracking, slack
category: Shopping
premium: true
---

# Watch an Amazon price and post to Slack

Everything below the front matter is the prompt text.

## Steps
1. **Open the product page**: Go to {{product_url}} and wait for the price.
2. Compare the price — If it is below {{target}}, post to #deals.
`;
