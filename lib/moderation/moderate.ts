import "server-only";
import { z } from "zod";
import {
  actionOpenReportsOfFlow,
  lockOpenReport,
  resolveReport,
  unpublishFlowByAdmin,
} from "@/db/queries/flow-reports";
import type { Db } from "@/db/types";
import { recordAdminAction, type AdminActor } from "@/lib/admin/audit";
import { queueEmail } from "@/lib/email/outbox";
import { flowUnpublishedEmail } from "@/lib/email/templates";
import { AppError } from "@/lib/errors";
import { REPORT_REASONS } from "./input";
import { expiringPublicPages } from "@/lib/cache/public-pages";

// An admin's decisions on the reports queue. Each is one transaction: the report(s), the flow, the creator's email
// and the audit entry are written together or not at all.

export const ADMIN_NOTE_MAX = 1000;

export const unpublishInputSchema = z.object({
  reportId: z.uuid("Not a report id."),
  note: z
    .string()
    .trim()
    .max(ADMIN_NOTE_MAX, `Keep the note under ${ADMIN_NOTE_MAX} characters.`)
    .optional()
    .transform((note) => (note ? note : null)),
});

export const dismissInputSchema = z.object({ reportId: z.uuid("Not a report id.") });

const ALREADY_RESOLVED = "This report is no longer open (another admin may have resolved it).";

/**
 * Unpublishes the reported flow: it leaves the catalogue, its creator cannot republish it, every open report of it
 * becomes `actioned`, and the creator is emailed the report's reason (and the admin's note, when given).
 */
export async function unpublishReportedFlow(
  db: Db,
  params: { actor: AdminActor; input: z.input<typeof unpublishInputSchema>; now?: Date },
): Promise<{ flowId: string; resolvedReports: number }> {
  const input = unpublishInputSchema.parse(params.input);
  const now = params.now ?? new Date();
  return expiringPublicPages(
    db.transaction(async (tx) => {
      const report = await lockOpenReport(tx, { reportId: input.reportId });
      if (!report) throw new AppError("conflict", ALREADY_RESOLVED);
      await unpublishFlowByAdmin(tx, { flowId: report.flowId, now });
      const resolved = await actionOpenReportsOfFlow(tx, { flowId: report.flowId, resolvedById: params.actor.id, now });
      await queueEmail(tx, {
        to: report.creatorEmail,
        kind: "flow_unpublished",
        ...flowUnpublishedEmail({
          name: report.creatorName,
          flowTitle: report.flowTitle,
          reason: REPORT_REASONS[report.reason],
          note: input.note,
        }),
        dedupeKey: `flow-unpublished:${report.reportId}`,
      });
      await recordAdminAction(tx, params.actor, {
        action: "flow.unpublish",
        targetId: report.flowId,
        details: {
          slug: report.flowSlug,
          title: report.flowTitle,
          reportId: report.reportId,
          reason: report.reason,
          note: input.note,
          resolvedReports: resolved.length,
          previousStatus: report.flowStatus,
        },
        now,
      });
      return { flowId: report.flowId, resolvedReports: resolved.length };
    }),
  );
}

/** Closes one report with nothing to do; the flow stays as it is. */
export async function dismissReport(
  db: Db,
  params: { actor: AdminActor; input: z.input<typeof dismissInputSchema>; now?: Date },
): Promise<void> {
  const input = dismissInputSchema.parse(params.input);
  const now = params.now ?? new Date();
  await db.transaction(async (tx) => {
    const report = await lockOpenReport(tx, { reportId: input.reportId });
    const resolved =
      report &&
      (await resolveReport(tx, { reportId: report.reportId, status: "dismissed", resolvedById: params.actor.id, now }));
    if (!report || !resolved) throw new AppError("conflict", ALREADY_RESOLVED);
    await recordAdminAction(tx, params.actor, {
      action: "flow_report.dismiss",
      targetId: report.reportId,
      details: { flowId: report.flowId, slug: report.flowSlug, title: report.flowTitle, reason: report.reason },
      now,
    });
  });
}
