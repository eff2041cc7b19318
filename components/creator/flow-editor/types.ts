import type { FieldErrors } from "@/lib/publishing/flow-input";
import type { FlowFormValues } from "@/lib/publishing/form-values";

/** What the save action answers when it does not redirect. */
export type FlowEditorState = {
  /** Field path (`title`, `steps.2.body`) -> message. */
  errors: FieldErrors;
  /** A message about the whole form (quota, session, access). */
  formError?: string;
  /** What was submitted, so a page rendered without JavaScript keeps what was typed. */
  values?: FlowFormValues;
};

/** What the import action answers. Nothing is saved by an import. */
export type ImportState = {
  /** Changes on every import, so the editor knows to take the new values. */
  nonce?: number;
  fileName?: string;
  ok?: boolean;
  errors: FieldErrors;
  /** Editor values from the file: all of it when ok, what could be read when not. */
  values?: FlowFormValues;
};

export type SaveFlowAction = (prev: FlowEditorState, data: FormData) => Promise<FlowEditorState>;
export type ImportFlowAction = (prev: ImportState, data: FormData) => Promise<ImportState>;
