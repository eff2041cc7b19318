// A flow's inputs are the `{{name}}` placeholders in its prompt text (the seed and the editor both write them,
// and the "## Inputs" section describes each as "- `{{name}}`: what to give"). Over MCP they become a prompt's
// arguments, and getting the prompt fills them in. Pure functions: no database, no request.

export type FlowInput = { name: string; description?: string };

/** `{{name}}` or `{{ name }}`: a letter, then letters, digits, `_` or `-` (at most 64 characters). */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_-]{0,63})\s*\}\}/g;

/** A list item that opens with a placeholder, then `:`, a dash or an em/en dash, then its description. */
const INPUT_LINE =
  /^\s*[-*+]\s+`?\{\{\s*([A-Za-z][A-Za-z0-9_-]{0,63})\s*\}\}`?\s*(?::|\u2014|\u2013|-{1,2})\s*(.+?)\s*$/;

const MAX_DESCRIPTION = 300;

/** Every distinct placeholder in order of first appearance, with the description its list item gives, if any. */
export function extractFlowInputs(promptText: string): FlowInput[] {
  const descriptions = new Map<string, string>();
  for (const line of promptText.split(/\r?\n/)) {
    const [, name, description] = INPUT_LINE.exec(line) ?? [];
    if (name && description && !descriptions.has(name)) descriptions.set(name, description.slice(0, MAX_DESCRIPTION));
  }
  const seen = new Set<string>();
  const inputs: FlowInput[] = [];
  for (const [, name] of promptText.matchAll(PLACEHOLDER)) {
    if (!name || seen.has(name)) continue;
    seen.add(name);
    const description = descriptions.get(name);
    inputs.push(description ? { name, description } : { name });
  }
  return inputs;
}

/**
 * Replaces each placeholder that has a non-empty value; the others stay as `{{name}}`, so the agent can still
 * ask for them. One pass: a value that itself contains `{{x}}` is inserted as written, never expanded.
 */
export function fillFlowInputs(promptText: string, values: Readonly<Record<string, string>>): string {
  return promptText.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    return value !== undefined && value.trim() !== "" ? value : whole;
  });
}
