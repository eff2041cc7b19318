import { ReportFlowButton } from "@/components/flows/report-flow-button";
import { getDb } from "@/db";
import { getViewerReportState } from "@/db/queries/flow-reports";
import { REPORT_FORM } from "@/lib/moderation/input";
import { reportFlowAction } from "../actions";

/** The Report button for a signed-in viewer of a flow page or the reader; nothing on the viewer's own flow. */
export async function ReportControl({
  flow,
  userId,
}: {
  flow: { id: string; slug: string; title: string };
  userId: string | null;
}) {
  if (!userId) return null;
  const state = await getViewerReportState(await getDb(), { flowId: flow.id, userId });
  if (state === "own") return null;
  return (
    <ReportFlowButton
      slug={flow.slug}
      flowTitle={flow.title}
      reasons={REPORT_FORM.reasons}
      noteMax={REPORT_FORM.noteMax}
      alreadyReported={state === "reported"}
      action={reportFlowAction}
    />
  );
}
