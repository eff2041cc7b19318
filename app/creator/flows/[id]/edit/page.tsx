import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FlowStatusBadge } from "@/components/creator/flow-editor/creator-flow-list";
import { FlowEditorWorkspace } from "@/components/creator/flow-editor/flow-editor-workspace";
import { Container } from "@/components/layout/container";
import { PageHeader } from "@/components/layout/page-header";
import { buttonClasses } from "@/components/ui/button";
import { getDb } from "@/db";
import { getEditableFlow } from "@/db/queries/flow-publishing";
import { requirePageUser } from "@/lib/auth/page-guards";
import { formValuesFromFlow } from "@/lib/publishing/form-values";
import { importFlowFileAction, saveFlowAction } from "../../actions";

export const metadata: Metadata = { title: "Edit flow" };

export default async function EditFlowPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/creator/flows/${id}/edit`);
  // Someone else's flow and a malformed id both read as "no such flow" (null), and get the same 404.
  const flow = await getEditableFlow(await getDb(), { flowId: id, userId: user.id, isAdmin: user.isAdmin });
  if (!flow) notFound();

  return (
    <Container className="py-10">
      <PageHeader
        eyebrow="Creator · Edit flow"
        title={flow.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <FlowStatusBadge status={flow.status} />
            {flow.creatorId !== user.id ? <span>Editing as an admin.</span> : null}
          </span>
        }
        actions={
          <>
            {flow.status === "published" ? (
              <Link href={`/flows/${flow.slug}`} className={buttonClasses({ variant: "ghost" })}>
                View public page
              </Link>
            ) : null}
            <Link href="/creator/flows" className={buttonClasses({ variant: "secondary" })}>
              All flows
            </Link>
          </>
        }
      />
      <div className="mt-8">
        <FlowEditorWorkspace
          flowId={flow.id}
          status={flow.status}
          initialValues={formValuesFromFlow(flow)}
          saveAction={saveFlowAction}
          importAction={importFlowFileAction}
        />
      </div>
    </Container>
  );
}
