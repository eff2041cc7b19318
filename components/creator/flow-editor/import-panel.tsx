"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { fileTooLargeMessage, MAX_IMPORT_BYTES } from "@/lib/publishing/limits";
import { FIELD_IDS, summarizeErrors } from "./field-errors";
import type { ImportState } from "./types";

/**
 * "Import from file": uploads a .md or .json flow to the import action, which parses it and hands the values to
 * the editor (nothing is saved). A file over the limit is refused here before it is sent.
 */
export function ImportPanel({
  state,
  action,
  pending,
}: {
  state: ImportState;
  action: (data: FormData) => void;
  pending: boolean;
}) {
  const [localError, setLocalError] = useState<{ error: string; forNonce?: number } | null>(null);
  // A new answer from the server replaces a message about the previous selection.
  const ownError = localError && localError.forNonce === state.nonce ? localError.error : undefined;
  const fileError = ownError ?? (state.errors.file || undefined);
  const fieldErrors = summarizeErrors(state.errors).filter((item) => item.key !== "file");

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.elements.namedItem("file") as HTMLInputElement | null;
    const file = input?.files?.[0];
    if (!file) {
      event.preventDefault();
      setLocalError({ error: "Choose a .md or .json file to import.", forNonce: state.nonce });
    } else if (file.size > MAX_IMPORT_BYTES) {
      event.preventDefault();
      setLocalError({ error: fileTooLargeMessage(file.size), forNonce: state.nonce });
    } else {
      setLocalError(null);
    }
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Import from file</CardTitle>
        <CardDescription>
          Fill the editor from a Markdown or JSON flow file. It replaces what is in the editor; nothing is saved until
          you press Save draft or Publish.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form action={action} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          <Field id={FIELD_IDS.file} label="Flow file" hint=".md or .json, up to 256 KB." error={fileError}>
            <input
              type="file"
              name="file"
              accept=".md,.markdown,.json,text/markdown,application/json"
              className="block w-full text-sm text-ink-muted file:mr-3 file:rounded-md file:border file:border-line-strong file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-ink hover:file:bg-surface-muted"
            />
          </Field>
          <Button type="submit" variant="secondary" loading={pending}>
            Import
          </Button>
        </form>
        {state.ok && !ownError ? (
          <Alert variant="success" className="mt-4" title={`Imported ${state.fileName}`}>
            Check the fields, then save a draft or publish.
          </Alert>
        ) : null}
        {state.ok === false && fieldErrors.length > 0 && !ownError ? (
          <Alert
            variant="danger"
            className="mt-4"
            title={`${state.fileName} has ${fieldErrors.length === 1 ? "1 problem" : `${fieldErrors.length} problems`}`}
          >
            {state.values ? (
              "What could be read is in the editor, with each problem marked next to its field."
            ) : (
              <ul className="mt-1 flex list-disc flex-col gap-0.5 pl-4">
                {fieldErrors.map((item) => (
                  <li key={item.key}>
                    {item.label}: {item.message}
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        ) : null}
      </CardContent>
    </Card>
  );
}
