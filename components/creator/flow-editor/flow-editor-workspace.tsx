"use client";

import { useActionState } from "react";
import type { FlowStatus } from "@/db/schema/flows";
import type { FieldErrors } from "@/lib/publishing/flow-input";
import type { FlowFormValues } from "@/lib/publishing/form-values";
import { FlowEditor } from "./flow-editor";
import { FormatHelp } from "./format-help";
import { ImportPanel } from "./import-panel";
import type { ImportFlowAction, ImportState, SaveFlowAction } from "./types";

/**
 * The editor page's body: the flow form, and beside it the file import and the format help. An import remounts
 * the form with the file's values (and its per-field errors, when the file has mistakes).
 */
export function FlowEditorWorkspace({
  flowId,
  status,
  initialValues,
  saveAction,
  importAction,
}: {
  flowId?: string;
  status?: FlowStatus;
  initialValues: FlowFormValues;
  saveAction: SaveFlowAction;
  importAction: ImportFlowAction;
}) {
  const [imported, importFormAction, importPending] = useActionState<ImportState, FormData>(importAction, {
    errors: {},
  });
  const editorErrors: FieldErrors = {};
  for (const [key, message] of Object.entries(imported.errors)) if (key !== "file") editorErrors[key] = message;

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:gap-8">
      <aside className="flex flex-col gap-6 lg:order-2">
        <ImportPanel state={imported} action={importFormAction} pending={importPending} />
        <FormatHelp />
      </aside>
      <FlowEditor
        key={imported.values ? imported.nonce : "initial"}
        flowId={flowId}
        status={status}
        initialValues={imported.values ?? initialValues}
        initialErrors={imported.values ? editorErrors : undefined}
        action={saveAction}
      />
    </div>
  );
}
