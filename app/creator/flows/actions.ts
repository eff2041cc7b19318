"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FlowEditorState, ImportState } from "@/components/creator/flow-editor/types";
import { getDb } from "@/db";
import { isFlowId } from "@/db/queries/flow-publishing";
import { getSessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { parseFlowInput, type FieldErrors } from "@/lib/publishing/flow-input";
import { flowDraftFromValues, formValuesFromFlow, formValuesFromFormData } from "@/lib/publishing/form-values";
import { parseFlowFile } from "@/lib/publishing/import";
import { fileTooLargeMessage, MAX_IMPORT_BYTES } from "@/lib/publishing/limits";
import { createFlow, publishFlow, unpublishFlow, updateFlow } from "@/lib/publishing/publish";

// Every action authenticates again and passes the session user to lib/publishing, which scopes the flow by its
// creator in the query: a flow id from the form is only a reference, never proof of ownership.

const SIGNED_OUT = "Your session has ended. Sign in again in another tab, then submit once more.";

/** A flow id from a form: a UUID string, or null. Ownership is checked later, by the session user. */
const flowIdSchema = z.string().refine(isFlowId);

/** "Save draft" / "Save changes" / "Publish" in the editor, for a new flow or an existing one. */
export async function saveFlowAction(_prev: FlowEditorState, formData: FormData): Promise<FlowEditorState> {
  const values = formValuesFromFormData(formData);
  const user = await getSessionUser();
  if (!user) return { errors: {}, formError: SIGNED_OUT, values };

  const rawId = formData.get("flowId");
  const flowId = typeof rawId === "string" && rawId !== "" ? rawId : null;
  if (flowId !== null && !flowIdSchema.safeParse(flowId).success) {
    return { errors: {}, formError: "This flow does not exist or is not yours to edit.", values };
  }
  const publish = formData.get("intent") === "publish";

  const parsed = parseFlowInput(flowDraftFromValues(values));
  if (!parsed.ok) return { errors: parsed.errors, values };

  let savedId: string;
  try {
    const db = await getDb();
    const ref = flowId
      ? await updateFlow(db, { userId: user.id, isAdmin: user.isAdmin, flowId, input: parsed.value, publish })
      : await createFlow(db, { userId: user.id, input: parsed.value, publish });
    savedId = ref.id;
  } catch (error) {
    return { ...stateFromError(error), values };
  }
  revalidatePath("/creator/flows");
  const notice = publish ? "published" : flowId ? "saved" : "draft";
  redirect(`/creator/flows?notice=${notice}&flow=${savedId}`);
}

/** "Import from file": reads a .md or .json flow and hands its values to the editor (nothing is saved). */
export async function importFlowFileAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const nonce = Date.now();
  const user = await getSessionUser();
  if (!user) return { nonce, errors: { file: SIGNED_OUT } };
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0 || file.name === "") {
    return { nonce, errors: { file: "Choose a .md or .json file to import." } };
  }
  if (file.size > MAX_IMPORT_BYTES) {
    // Refused before reading it into memory.
    return { nonce, fileName: file.name, ok: false, errors: { file: fileTooLargeMessage(file.size) } };
  }
  const result = parseFlowFile({ name: file.name, content: new Uint8Array(await file.arrayBuffer()) });
  if (result.ok) return { nonce, fileName: file.name, ok: true, errors: {}, values: formValuesFromFlow(result.value) };
  return {
    nonce,
    fileName: file.name,
    ok: false,
    errors: result.errors,
    values: result.draft ? formValuesFromFlow(result.draft) : undefined,
  };
}

/** The Publish button on /creator/flows. */
export async function publishFlowAction(formData: FormData): Promise<void> {
  await changeStatus(formData, "publish");
}

/** The Unpublish button on /creator/flows. */
export async function unpublishFlowAction(formData: FormData): Promise<void> {
  await changeStatus(formData, "unpublish");
}

async function changeStatus(formData: FormData, change: "publish" | "unpublish"): Promise<void> {
  const user = await getSessionUser();
  if (!user) redirect("/login?from=/creator/flows");
  const flowId = flowIdSchema.safeParse(formData.get("flowId"));
  if (!flowId.success) redirect("/creator/flows?error=not_found");
  const db = await getDb();
  const params = { userId: user.id, isAdmin: user.isAdmin, flowId: flowId.data };
  let error: string | null = null;
  try {
    if (change === "publish") await publishFlow(db, params);
    else await unpublishFlow(db, params);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    error =
      e.code === "quota_exceeded" || e.code === "not_found" ? e.code : e.code === "forbidden" ? "held" : "conflict";
  }
  revalidatePath("/creator/flows");
  redirect(
    error
      ? `/creator/flows?error=${error}&flow=${flowId.data}`
      : `/creator/flows?notice=${change === "publish" ? "published" : "unpublished"}&flow=${flowId.data}`,
  );
}

function stateFromError(error: unknown): FlowEditorState {
  if (!(error instanceof AppError)) throw error;
  if (error.code === "validation_failed") {
    const fields = error.details?.fields as FieldErrors | undefined;
    return { errors: fields ?? (error.field ? { [error.field]: error.message } : {}), formError: undefined };
  }
  if (error.code === "not_found") return { errors: {}, formError: "This flow does not exist or is not yours to edit." };
  return { errors: error.field ? { [error.field]: error.message } : {}, formError: error.message };
}
