import type { SeedFlow, SeedStep } from "./types";

/** Structured parts of a flow's instructions. The Markdown prompt and the steps array are both derived from it. */
export type FlowParts = {
  objective: string;
  prerequisites: string[];
  /** [variable_name, one-line description] */
  inputs: Array<[string, string]>;
  /** [step title, step body] */
  steps: Array<[string, string]>;
  failures: string[];
  safety: string[];
};

/** Metadata a flow author writes by hand; slug, promptText and steps are derived. */
export type FlowSpec = Omit<SeedFlow, "slug" | "promptText" | "steps"> & FlowParts & { slug?: string };

export const PROMPT_SECTIONS = [
  "## Objective",
  "## Prerequisites",
  "## Inputs",
  "## Steps",
  "## If something goes wrong",
  "## Safety",
] as const;

export function slugify(title: string, maxLength = 80): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (base.length <= maxLength) return base;
  const cut = base.slice(0, maxLength);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash > 20 ? cut.slice(0, lastDash) : cut).replace(/-+$/g, "");
}

export function renderPrompt(title: string, parts: FlowParts): string {
  const lines: string[] = [`# ${title}`, "", "## Objective", parts.objective.trim(), ""];
  lines.push("## Prerequisites", ...parts.prerequisites.map((p) => `- ${p}`), "");
  lines.push("## Inputs", ...parts.inputs.map(([name, desc]) => `- \`{{${name}}}\`: ${desc}`), "");
  lines.push("## Steps", ...parts.steps.map(([t, b], i) => `${i + 1}. **${t}.** ${b}`), "");
  lines.push("## If something goes wrong", ...parts.failures.map((f) => `- ${f}`), "");
  lines.push("## Safety", ...parts.safety.map((s) => `- ${s}`));
  return lines.join("\n") + "\n";
}

export function toSteps(parts: FlowParts): SeedStep[] {
  return parts.steps.map(([title, body]) => ({ title, body }));
}

/** Turn a hand-written spec into a SeedFlow. */
export function defineFlow(spec: FlowSpec): SeedFlow {
  const { objective, prerequisites, inputs, steps, failures, safety, slug, ...meta } = spec;
  const parts: FlowParts = { objective, prerequisites, inputs, steps, failures, safety };
  return {
    slug: slug ?? slugify(meta.title),
    title: meta.title,
    summary: meta.summary,
    category: meta.category,
    agents: meta.agents,
    sites: meta.sites,
    tags: meta.tags,
    isPremium: meta.isPremium,
    creatorHandle: meta.creatorHandle,
    promptText: renderPrompt(meta.title, parts),
    steps: toSteps(parts),
    publishedDaysAgo: meta.publishedDaysAgo,
  };
}
