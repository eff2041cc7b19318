"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { AppError } from "@/lib/errors";
import { retryPayoutNow } from "@/lib/payouts/admin";
import { payoutMonthSchema } from "@/lib/payouts/month";
import { requestPayoutRun } from "@/lib/payouts/trigger";
import type { RunPayoutsState } from "@/components/admin/run-payouts-form";
import { requireAdminAction } from "./admin-guard";

/** "Run payouts for <month>": enqueues the same job as the cron route and waits for its summary, for admins only. */
export async function runPayoutsAction(_prev: RunPayoutsState, formData: FormData): Promise<RunPayoutsState> {
  await requireAdminAction();
  const parsed = z.object({ month: payoutMonthSchema }).safeParse({ month: formData.get("month") });
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message ?? "Invalid month." };
  try {
    const result = await requestPayoutRun({ month: parsed.data.month });
    revalidatePath("/admin");
    if (result.state === "pending") return { status: "pending", month: parsed.data.month, jobId: result.jobId };
    const { summary } = result;
    return {
      status: "done",
      month: summary.month,
      paid: summary.paid.length + summary.retries.paid.length,
      paidCents: summary.totalPaidCents + summary.retries.totalPaidCents,
      alreadyPaid: summary.alreadyPaid.length,
      carriedForward: summary.carriedForward.length,
      notOnboarded: summary.skippedNotOnboarded.length,
      failed: summary.failed.length + summary.retries.failed.length,
    };
  } catch (error) {
    if (error instanceof AppError) return { status: "error", message: error.message };
    console.error(JSON.stringify({ level: "error", msg: "admin payout run failed", error: String(error) }));
    return { status: "error", message: "The payout run failed; see the server log. Running it again is safe." };
  }
}

/** "Retry now" on a failed payout. */
export async function retryPayoutAction(formData: FormData): Promise<void> {
  await requireAdminAction();
  const parsed = z.object({ payoutId: z.uuid() }).safeParse({ payoutId: formData.get("payoutId") });
  if (!parsed.success) redirect("/admin?notice=retry-invalid");
  let notice = "retry-done";
  try {
    const result = await retryPayoutNow(await getDb(), { payoutId: parsed.data.payoutId });
    notice = result.paid.length > 0 ? "retry-paid" : "retry-failed";
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    notice = error.code === "conflict" ? "retry-busy" : "retry-invalid";
  }
  revalidatePath("/admin");
  redirect(`/admin?notice=${notice}#payouts`);
}
