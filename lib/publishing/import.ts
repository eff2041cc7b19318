import { parseFlowInput, type FieldErrors, type FlowInput } from "./flow-input";
import { fileTooLargeMessage, IMPORT_EXTENSIONS, MAX_IMPORT_BYTES } from "./limits";
import { parseMarkdownFlow, type MarkdownFlowDraft } from "./markdown-flow";

/**
 * Reads an uploaded flow file (`.md` / `.markdown` in the format of markdown-flow.ts, or `.json` with the same
 * keys as the editor: title, summary, promptText, steps [{ title, body }], agents [], sites [], tags [],
 * category, isPremium) into a validated flow input. Pure: no I/O, so the server action and the tests share it.
 */

/** What the file held, cleaned to the editor's shape, so a file with mistakes can still fill the editor. */
type ImportedDraft = MarkdownFlowDraft;

export type ImportResult = { ok: true; value: FlowInput } | { ok: false; errors: FieldErrors; draft?: ImportedDraft };

export function parseFlowFile(file: { name: string; content: Uint8Array | string }): ImportResult {
  const name = file.name.trim().toLowerCase();
  const extension = IMPORT_EXTENSIONS.find((ext) => name.endsWith(ext));
  if (!extension) return fileError(`Upload a ${IMPORT_EXTENSIONS.join(" or ")} file.`);

  const bytes = typeof file.content === "string" ? new TextEncoder().encode(file.content) : file.content;
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    return fileError(fileTooLargeMessage(bytes.byteLength));
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fileError("The file is not UTF-8 text.");
  }
  if (text.trim() === "") return fileError("The file is empty.");

  return extension === ".json" ? importJson(text) : importMarkdown(text);
}

function importJson(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fileError(`The file is not valid JSON (${(error as Error).message}).`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return fileError(
      "The JSON file must hold one object with title, summary, promptText, steps, agents, category and isPremium.",
    );
  }
  return validate(data, {}, toDraft(data as Record<string, unknown>));
}

function importMarkdown(text: string): ImportResult {
  const { draft, errors } = parseMarkdownFlow(text);
  // A file-level problem (no front matter, unknown key...) leaves nothing trustworthy to put in the editor.
  if (errors.file) return { ok: false, errors: { file: errors.file } };
  return validate(draft, errors, draft);
}

/** Validates with the flow schema; the format's own errors (clearer about the file) win over the schema's. */
function validate(raw: unknown, formatErrors: FieldErrors, draft: ImportedDraft): ImportResult {
  const parsed = parseFlowInput(raw);
  if (parsed.ok && Object.keys(formatErrors).length === 0) return parsed;
  const errors: FieldErrors = { ...formatErrors };
  if (!parsed.ok) {
    for (const [field, message] of Object.entries(parsed.errors)) {
      const covered = Object.keys(formatErrors).some((f) => field === f || field.startsWith(`${f}.`));
      if (!covered) errors[field] = message;
    }
  }
  return { ok: false, errors, draft };
}

/** Keeps the JSON values the editor can show; anything of the wrong type is left out (its error says why). */
function toDraft(data: Record<string, unknown>): ImportedDraft {
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : undefined);
  const steps = Array.isArray(data.steps)
    ? data.steps.map((s) => {
        const step = (typeof s === "object" && s !== null ? s : {}) as Record<string, unknown>;
        return { title: str(step.title) ?? "", body: str(step.body) ?? "" };
      })
    : undefined;
  return {
    title: str(data.title),
    summary: str(data.summary),
    promptText: str(data.promptText),
    steps,
    agents: list(data.agents),
    sites: list(data.sites),
    tags: list(data.tags),
    category: str(data.category),
    isPremium: typeof data.isPremium === "boolean" ? data.isPremium : undefined,
  };
}

function fileError(message: string): ImportResult {
  return { ok: false, errors: { file: message } };
}
