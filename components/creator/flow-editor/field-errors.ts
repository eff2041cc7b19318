import type { FieldErrors } from "@/lib/publishing/flow-input";

/** The element each field's error points at (the error summary links to it). */
export const FIELD_IDS = {
  title: "flow-title",
  summary: "flow-summary",
  promptText: "flow-prompt",
  category: "flow-category",
  isPremium: "flow-access-free",
  agents: "flow-agent-0",
  sites: "flow-sites",
  tags: "flow-tags",
  steps: "flow-steps",
  file: "import-file",
} as const;

const LABELS: Record<string, string> = {
  title: "Title",
  summary: "Summary",
  promptText: "Prompt text",
  category: "Category",
  isPremium: "Access",
  agents: "Agents",
  sites: "Sites",
  tags: "Tags",
  steps: "Steps",
  file: "File",
};

export const stepFieldId = (index: number, part: "title" | "body") => `step-${index}-${part}`;

/** The field an error key is about: `steps` for `steps.2.title`. */
export const rootField = (key: string): string => key.split(".")[0] ?? key;

/** The message for a field, including its items' messages (`sites.1` shows under Sites). */
export function errorFor(errors: FieldErrors, field: string): string | undefined {
  if (errors[field]) return errors[field];
  const item = Object.keys(errors).find((key) => key.startsWith(`${field}.`));
  return item ? errors[item] : undefined;
}

/** A step part's message; a message about the whole step (`steps.2`) shows under its title. */
export function stepErrorFor(errors: FieldErrors, index: number, part: "title" | "body"): string | undefined {
  return errors[`steps.${index}.${part}`] ?? (part === "title" ? errors[`steps.${index}`] : undefined);
}

export type SummaryItem = { key: string; href: string; label: string; message: string };

/** One line per error, in form order, each linking to its field. */
export function summarizeErrors(errors: FieldErrors): SummaryItem[] {
  const order = Object.keys(LABELS);
  const rank = (key: string) => {
    const i = order.indexOf(rootField(key));
    return i === -1 ? order.length : i;
  };
  return Object.entries(errors)
    .filter(([key]) => key !== "form")
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, "en", { numeric: true }))
    .map(([key, message]) => {
      const step = /^steps\.(\d+)(?:\.(title|body))?$/.exec(key);
      if (step) {
        const index = Number(step[1]);
        const part = (step[2] ?? "title") as "title" | "body";
        const label = `Step ${index + 1}${step[2] ? (part === "title" ? " title" : " instructions") : ""}`;
        return { key, href: `#${stepFieldId(index, part)}`, label, message };
      }
      const root = rootField(key);
      const id = FIELD_IDS[root as keyof typeof FIELD_IDS];
      return { key, href: id ? `#${id}` : "#", label: LABELS[root] ?? key, message };
    });
}
