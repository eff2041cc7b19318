import type { Metadata } from "next";
import Link from "next/link";
import { FlowEditorWorkspace } from "@/components/creator/flow-editor/flow-editor-workspace";
import { Container } from "@/components/layout/container";
import { PageHeader } from "@/components/layout/page-header";
import { buttonClasses } from "@/components/ui/button";
import { requirePageUser } from "@/lib/auth/page-guards";
import { EMPTY_FLOW_FORM } from "@/lib/publishing/form-values";
import { importFlowFileAction, saveFlowAction } from "../actions";

export const metadata: Metadata = { title: "New flow" };

export default async function NewFlowPage() {
  await requirePageUser("/creator/flows/new");
  return (
    <Container className="py-10">
      <PageHeader
        eyebrow="Creator"
        title="New flow"
        description="Write the instructions an AI browser agent follows to get one task done on one kind of site."
        actions={
          <Link href="/creator/flows" className={buttonClasses({ variant: "secondary" })}>
            All flows
          </Link>
        }
      />
      <div className="mt-8">
        <FlowEditorWorkspace
          initialValues={EMPTY_FLOW_FORM}
          saveAction={saveFlowAction}
          importAction={importFlowFileAction}
        />
      </div>
    </Container>
  );
}
