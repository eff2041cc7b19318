"use server";

import { z } from "zod";
import type { ReportFlowState } from "@/components/flows/report-flow-button";
import { getDb } from "@/db";
import { getSessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { reportFlow } from "@/lib/moderation/submit";

/** The Report dialog on /flows/[slug] and /library/[slug]. Signed-in users only; the rules live in lib/moderation. */
export async function reportFlowAction(_prev: ReportFlowState, formData: FormData): Promise<ReportFlowState> {
  const user = await getSessionUser();
  if (!user) return { status: "error", message: "Your session has ended. Sign in again, then send your report." };
  try {
    await reportFlow(await getDb(), {
      userId: user.id,
      slug: String(formData.get("slug") ?? ""),
      input: { reason: formData.get("reason"), note: formData.get("note") ?? undefined },
    });
    return { status: "done" };
  } catch (error) {
    if (error instanceof z.ZodError) {
      const issue = error.issues[0];
      const field = issue?.path[0] === "note" ? "note" : "reason";
      return { status: "error", field, message: issue?.message ?? "Check the form." };
    }
    if (error instanceof AppError && error.status < 500) {
      return { status: error.code === "conflict" ? "already" : "error", message: error.message };
    }
    throw error;
  }
}
