import Link from "next/link";
import type { ReactNode } from "react";
import { Alert, type AlertVariant } from "@/components/ui/alert";
import type { PublishQuota } from "@/lib/publishing/quota";

export type FlowNoticeProps = {
  notice?: string;
  error?: string;
  /** The flow the notice is about, looked up among the viewer's own flows (never taken from the URL as text). */
  flow?: { title: string; slug: string } | null;
  quota: PublishQuota;
};

/**
 * The banner after a save, publish or unpublish (`?notice=` / `?error=` set by the actions' redirects). Only
 * known codes show anything, with fixed wording: the query string cannot inject text.
 */
export function FlowNotice({ notice, error, flow, quota }: FlowNoticeProps) {
  const name = flow ? `“${flow.title}”` : "The flow";
  const resets = quota.resetsAt.toLocaleDateString("en-GB", { day: "numeric", month: "long", timeZone: "UTC" });
  let content: { variant: AlertVariant; title: string; body: ReactNode } | null = null;
  switch (error ?? notice) {
    case "draft":
      content = { variant: "success", title: "Draft saved", body: `${name} is saved as a draft. Only you can see it.` };
      break;
    case "saved":
      content = { variant: "success", title: "Changes saved", body: `${name} is up to date.` };
      break;
    case "published":
      content = {
        variant: "success",
        title: "Published",
        body: (
          <>
            {name} is live in the catalogue. {flow ? <Link href={`/flows/${flow.slug}`}>View its page</Link> : null}
          </>
        ),
      };
      break;
    case "unpublished":
      content = {
        variant: "info",
        title: "Unpublished",
        body: `${name} is hidden from the catalogue. Publishing it again does not use one of this month's publishes.`,
      };
      break;
    case "quota_exceeded":
      content = {
        variant: "danger",
        title: "Monthly publish limit reached",
        body: (
          <>
            You have published {quota.used} of the {quota.limit} new flows your {quota.planName} plan allows this month,
            so {name} stays unpublished. The count starts again on {resets}. <Link href="/pricing">See plans</Link>
          </>
        ),
      };
      break;
    case "not_found":
      content = {
        variant: "danger",
        title: "Flow not found",
        body: "It does not exist, or it is not yours to change.",
      };
      break;
    case "held":
      content = {
        variant: "danger",
        title: "Unpublished by Flowtab",
        body: `Flowtab unpublished ${name} after a report, so it cannot be republished from here. Fix it, then reply to our email and we will review it.`,
      };
      break;
    case "conflict":
      content = { variant: "warning", title: "Nothing to change", body: "Only a published flow can be unpublished." };
      break;
  }
  if (!content) return null;
  return (
    <Alert variant={content.variant} title={content.title}>
      {content.body}
    </Alert>
  );
}
