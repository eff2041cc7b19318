/**
 * Size limits of a flow as a creator submits it. Plain constants (no zod, no server code) so the editor's
 * hints and maxLength attributes and the server's schema read the same numbers.
 */
export const FLOW_LIMITS = {
  title: { min: 8, max: 120 },
  summary: { min: 20, max: 280 },
  promptText: { min: 1, max: 20_000 },
  steps: { min: 1, max: 30 },
  stepTitle: { min: 1, max: 120 },
  stepBody: { min: 1, max: 4_000 },
  agents: { min: 1, max: 5 },
  agent: { min: 1, max: 40 },
  sites: { min: 0, max: 5 },
  tags: { min: 0, max: 8 },
  tag: { min: 2, max: 30 },
} as const;

/** Largest flow file the importer reads (256 KB). Checked before parsing, and in the browser before upload. */
export const MAX_IMPORT_BYTES = 256 * 1024;

/** File name endings the importer understands. */
export const IMPORT_EXTENSIONS = [".md", ".markdown", ".json"] as const;

/** The one wording of "too large", used by the importer, the import action and the browser-side check. */
export function fileTooLargeMessage(bytes: number): string {
  const kb = (n: number) => `${Math.ceil(n / 1024)} KB`;
  return `The file is ${kb(bytes)}; the limit is ${kb(MAX_IMPORT_BYTES)}.`;
}
