import { z } from "zod";
import { FLOW_LIMITS as L } from "./limits";
import { AGENTS, CATEGORIES } from "./vocabulary";

/**
 * A flow as a creator submits it (editor form, uploaded file, API): the one schema every entry point uses.
 * Errors carry the path of the field at fault (`title`, `steps.2.title`, `sites.0`), which the editor shows
 * next to that field.
 */

const chars = (n: number) => `${n.toLocaleString("en-US")} character${n === 1 ? "" : "s"}`;

/**
 * A required, trimmed string with a length range and messages that say what to do.
 * `enter` reads after "Enter" ("a title"), `the` names it ("the title").
 */
function text(enter: string, the: string, min: number, max: number) {
  return z
    .string({ error: `Enter ${enter}.` })
    .trim()
    .min(min, { error: min <= 1 ? `Enter ${enter}.` : `Use at least ${chars(min)} for ${the}.` })
    .max(max, { error: (issue) => `Keep ${the} to ${chars(max)} or fewer (it has ${lengthOf(issue.input)}).` });
}

function lengthOf(input: unknown): string {
  return typeof input === "string" ? chars(input.length) : "more";
}

const stepSchema = z.object(
  {
    title: text("a step title", "the step title", L.stepTitle.min, L.stepTitle.max),
    body: text("what the agent does in this step", "the step body", L.stepBody.min, L.stepBody.max),
  },
  { error: "Each step needs a title and a body." },
);

const agentByLowerName = new Map(AGENTS.map((a) => [a.toLowerCase(), a]));
const categoryByLowerName = new Map(CATEGORIES.map((c) => [c.toLowerCase(), c]));

const agentSchema = z
  .string({ error: "Each agent must be a name." })
  .trim()
  .min(L.agent.min, { error: "An agent name cannot be empty." })
  .max(L.agent.max, { error: `Keep agent names to ${chars(L.agent.max)} or fewer.` })
  // "perplexity comet" in a file becomes the catalogue's "Perplexity Comet", so filters find it.
  .transform((name) => agentByLowerName.get(name.toLowerCase()) ?? name);

// A registrable host name: dot-separated labels of letters, digits and inner hyphens, ending in a letter TLD.
const DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const siteSchema = z
  .string({ error: "Each site must be a domain like github.com." })
  .transform((value) =>
    value
      .trim()
      .toLowerCase()
      // Pasted URLs are common; the domain is what the catalogue filters on.
      .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
      .replace(/^www\./, "")
      .replace(/\/+$/, ""),
  )
  .pipe(z.string().regex(DOMAIN, { error: (issue) => `"${String(issue.input)}" is not a domain like github.com.` }));

const TAG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const tagSchema = z
  .string({ error: "Each tag must be text." })
  .transform((value) =>
    value
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, "-"),
  )
  .pipe(
    z
      .string()
      .min(L.tag.min, {
        error: (issue) => `Tag "${String(issue.input)}" is too short: use ${L.tag.min}-${L.tag.max} characters.`,
      })
      .max(L.tag.max, {
        error: (issue) => `Tag "${String(issue.input)}" is too long: use ${L.tag.min}-${L.tag.max} characters.`,
      })
      .regex(TAG, {
        error: (issue) =>
          `Tag "${String(issue.input)}" must be lower-case words joined by hyphens, like price-tracking.`,
      }),
  );

const unique = <T>(items: T[]) => [...new Set(items)];

const flowInputSchema = z.object(
  {
    title: text("a title", "the title", L.title.min, L.title.max),
    summary: text("a summary", "the summary", L.summary.min, L.summary.max),
    promptText: text("the prompt text", "the prompt text", L.promptText.min, L.promptText.max),
    steps: z
      .array(stepSchema, { error: "Add at least one step." })
      .min(L.steps.min, { error: "Add at least one step." })
      .max(L.steps.max, { error: `A flow has at most ${L.steps.max} steps.` }),
    agents: z
      .array(agentSchema, { error: "Choose at least one agent." })
      .min(L.agents.min, { error: "Choose at least one agent the flow was tested with." })
      .max(L.agents.max, { error: `Choose at most ${L.agents.max} agents.` })
      .transform(unique),
    sites: z
      .array(siteSchema, { error: "List the sites as domains, like github.com." })
      .max(L.sites.max, { error: `List at most ${L.sites.max} sites.` })
      .transform(unique)
      .default([]),
    tags: z
      .array(tagSchema, { error: "List the tags as words, like price-tracking." })
      .max(L.tags.max, { error: `Use at most ${L.tags.max} tags.` })
      .transform(unique)
      .default([]),
    category: z
      .string({ error: "Choose a category." })
      .transform((value) => categoryByLowerName.get(value.trim().toLowerCase()) ?? value.trim())
      .refine((value) => CATEGORIES.includes(value), {
        error: (issue) =>
          issue.input ? `"${String(issue.input)}" is not a category; choose one from the list.` : "Choose a category.",
      }),
    isPremium: z.boolean({ error: "Choose Free or Premium." }),
  },
  { error: "A flow is an object with title, summary, promptText, steps, agents, sites, tags, category and isPremium." },
);

/** A validated flow: trimmed, canonical agent and category names, lower-case domains and tags, no duplicates. */
export type FlowInput = z.output<typeof flowInputSchema>;
/** What a caller may hand in before validation. */
export type FlowInputDraft = z.input<typeof flowInputSchema>;

/** Field path (`steps.2.title`) -> the first message for it. `form` when the whole input is wrong. */
export type FieldErrors = Record<string, string>;

export type FlowInputResult = { ok: true; value: FlowInput } | { ok: false; errors: FieldErrors };

function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

export function parseFlowInput(raw: unknown): FlowInputResult {
  const parsed = flowInputSchema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: fieldErrorsFromZod(parsed.error) };
}
