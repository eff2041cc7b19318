import type { FlowInputDraft } from "./flow-input";
import type { MarkdownFlowDraft } from "./markdown-flow";
import { AGENTS } from "./vocabulary";

/**
 * The editor's form, as the browser holds it: lists the creator types as comma-separated text, agents as
 * checkboxes (plus a text box for agents outside the vocabulary). Shared by the editor (client) and the server
 * actions, which turn a submitted FormData back into a flow input for the schema. No zod, no server code.
 */
export type FlowFormValues = {
  title: string;
  summary: string;
  promptText: string;
  steps: Array<{ title: string; body: string }>;
  /** Checked agents from the vocabulary. */
  agents: string[];
  /** Comma-separated agents that are not in the vocabulary. */
  otherAgents: string;
  sites: string;
  tags: string;
  category: string;
  access: "free" | "premium" | "";
};

export const EMPTY_FLOW_FORM: FlowFormValues = {
  title: "",
  summary: "",
  promptText: "",
  steps: [{ title: "", body: "" }],
  agents: [],
  otherAgents: "",
  sites: "",
  tags: "",
  category: "",
  access: "",
};

/** Anything flow-shaped (a saved flow, an imported file, possibly incomplete) as editor values. */
export type FlowLike = MarkdownFlowDraft;

const knownAgents = new Map(AGENTS.map((a) => [a.toLowerCase(), a]));

export function formValuesFromFlow(flow: FlowLike): FlowFormValues {
  const agents = flow.agents ?? [];
  return {
    title: flow.title ?? "",
    summary: flow.summary ?? "",
    promptText: flow.promptText ?? "",
    steps:
      flow.steps && flow.steps.length > 0
        ? flow.steps.map((s) => ({ title: s.title, body: s.body }))
        : [{ title: "", body: "" }],
    agents: agents.map((a) => knownAgents.get(a.trim().toLowerCase())).filter((a): a is string => Boolean(a)),
    otherAgents: agents.filter((a) => !knownAgents.has(a.trim().toLowerCase())).join(", "),
    sites: (flow.sites ?? []).join(", "),
    tags: (flow.tags ?? []).join(", "),
    category: flow.category ?? "",
    access: flow.isPremium === undefined ? "" : flow.isPremium ? "premium" : "free",
  };
}

/** "a, b,, c" -> ["a", "b", "c"]. Newlines separate too, for pasted lists. */
function splitCommaList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/**
 * The raw flow input for the schema, from editor values (agents: checked ones, then the typed ones).
 * Unvalidated: pass it to parseFlowInput.
 */
export function flowDraftFromValues(values: FlowFormValues): Record<keyof FlowInputDraft, unknown> {
  return {
    title: values.title,
    summary: values.summary,
    promptText: values.promptText,
    steps: values.steps,
    agents: [...values.agents, ...splitCommaList(values.otherAgents)],
    sites: splitCommaList(values.sites),
    tags: splitCommaList(values.tags),
    category: values.category,
    // Undefined (neither chosen) fails validation with "Choose Free or Premium".
    isPremium: values.access === "" ? undefined : values.access === "premium",
  };
}

/** Editor values from a submitted form. Steps arrive as parallel `stepTitle` / `stepBody` fields, in order. */
export function formValuesFromFormData(data: FormData): FlowFormValues {
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === "string" ? value : "";
  };
  const all = (name: string) => data.getAll(name).filter((v): v is string => typeof v === "string");
  const titles = all("stepTitle");
  const bodies = all("stepBody");
  const access = text("access");
  return {
    title: text("title"),
    summary: text("summary"),
    promptText: text("promptText"),
    steps: Array.from({ length: Math.max(titles.length, bodies.length) }, (_, i) => ({
      title: titles[i] ?? "",
      body: bodies[i] ?? "",
    })),
    agents: all("agents"),
    otherAgents: text("otherAgents"),
    sites: text("sites"),
    tags: text("tags"),
    category: text("category"),
    access: access === "free" || access === "premium" ? access : "",
  };
}
