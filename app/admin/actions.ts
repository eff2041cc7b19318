"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { RunPayoutsState } from "@/components/admin/run-payouts-form";
import { getDb } from "@/db";
import { reprocessStripeEvent, STRIPE_EVENT_ID } from "@/lib/billing/webhooks/reprocess";
import { AppError } from "@/lib/errors";
import { retryPayoutNow, runPayoutsAsAdmin } from "@/lib/payouts/admin";
import { payoutMonthSchema } from "@/lib/payouts/month";
import { dismissReport, unpublishReportedFlow } from "@/lib/moderation/moderate";
import { requireAdminAction } from "./admin-guard";

// Every action checks the admin flag again (requireAdminAction re-reads the user), validates its form with zod,
// and leaves its audit entry through lib/ in the transaction of what it changes.

/** "Run payouts for <month>": enqueues the same job as the cron route and waits for its summary, for admins only. */
export async function runPayoutsAction(_prev: RunPayoutsState, formData: FormData): Promise<RunPayoutsState> {
  const admin = await requireAdminAction();
  const parsed = z.object({ month: payoutMonthSchema }).safeParse({ month: formData.get("month") });
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message ?? "Invalid month." };
  try {
    const result = await runPayoutsAsAdmin(await getDb(), { month: parsed.data.month, actor: admin });
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
  const admin = await requireAdminAction();
  const parsed = z.object({ payoutId: z.uuid() }).safeParse({ payoutId: formData.get("payoutId") });
  if (!parsed.success) redirect("/admin?notice=retry-invalid#payouts");
  let notice = "retry-done";
  try {
    const result = await retryPayoutNow(await getDb(), { payoutId: parsed.data.payoutId, actor: admin });
    notice = result.paid.length > 0 ? "retry-paid" : "retry-failed";
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    notice = error.code === "conflict" ? "retry-busy" : "retry-invalid";
  }
  revalidatePath("/admin");
  redirect(`/admin?notice=${notice}#payouts`);
}

/** "Re-process" on a failed Stripe event: fetched again from Stripe and dispatched normally. */
export async function reprocessEventAction(formData: FormData): Promise<void> {
  const admin = await requireAdminAction();
  const parsed = z.object({ eventId: z.string().regex(STRIPE_EVENT_ID) }).safeParse({
    eventId: formData.get("eventId"),
  });
  if (!parsed.success) redirect("/admin?notice=event-invalid#stripe-events");
  let notice: string;
  try {
    const result = await reprocessStripeEvent(await getDb(), { eventId: parsed.data.eventId, actor: admin });
    notice = `event-${result.outcome}`;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    notice = error.code === "conflict" ? "event-not-failed" : "event-invalid";
  }
  revalidatePath("/admin");
  redirect(`/admin?notice=${notice}#stripe-events`);
}

/** "Unpublish" on a report: the flow leaves the catalogue and its creator is emailed the reason. */
export async function unpublishReportedFlowAction(formData: FormData): Promise<void> {
  const admin = await requireAdminAction();
  const db = await getDb();
  let notice = "report-unpublished";
  try {
    await unpublishReportedFlow(db, {
      actor: admin,
      input: { reportId: String(formData.get("reportId") ?? ""), note: String(formData.get("note") ?? "") },
    });
    // The email was queued in the same transaction, with its delivery job.
  } catch (error) {
    notice = reportNotice(error);
  }
  revalidatePath("/admin");
  redirect(`/admin?notice=${notice}#reports`);
}

/** "Dismiss" on a report: nothing to do; the flow stays as it is. */
export async function dismissReportAction(formData: FormData): Promise<void> {
  const admin = await requireAdminAction();
  let notice = "report-dismissed";
  try {
    await dismissReport(await getDb(), { actor: admin, input: { reportId: String(formData.get("reportId") ?? "") } });
  } catch (error) {
    notice = reportNotice(error);
  }
  revalidatePath("/admin");
  redirect(`/admin?notice=${notice}#reports`);
}

function reportNotice(error: unknown): string {
  if (error instanceof z.ZodError) return "report-invalid";
  if (error instanceof AppError && error.code === "conflict") return "report-resolved";
  throw error;
}
