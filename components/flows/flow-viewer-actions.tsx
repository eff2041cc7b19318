"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { CopyIcon } from "@/components/ui/icons";
import { useViewer, type FlowViewerState } from "@/components/viewer/viewer-store";
import { CopyFlowButton } from "./copy-flow-button";
import { PremiumCta } from "./premium-cta";
import { ReactionButtons } from "./reaction-buttons";
import { ReportFlowButton, type ReportFlowState } from "./report-flow-button";

// The viewer-specific parts of a flow page. The page itself is served from the cache (the same HTML for everyone,
// which is the signed-out version); these islands switch to the signed-in version once /api/viewer has answered.

/** The signed-in viewer's Like, Save and Report state on this flow (null while unknown or signed out). */
function useFlowViewerState(slug: string, signedIn: boolean): FlowViewerState {
  const [state, setState] = useState<{ slug: string; value: FlowViewerState }>({ slug, value: null });
  useEffect(() => {
    if (!signedIn) return;
    const controller = new AbortController();
    fetch(`/api/viewer/flows/${encodeURIComponent(slug)}`, { cache: "no-store", signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<{ state: FlowViewerState }>) : null))
      .then((body) => {
        if (body) setState({ slug, value: body.state });
      })
      .catch(() => {
        // Offline or aborted: the signed-out links stay.
      });
    return () => controller.abort();
  }, [slug, signedIn]);
  return signedIn && state.slug === slug ? state.value : null;
}

type HeaderActionsProps = {
  slug: string;
  flowTitle: string;
  isPremium: boolean;
  likes: number;
  report: {
    reasons: { value: string; label: string; description: string }[];
    noteMax: number;
    action: (prev: ReportFlowState, data: FormData) => Promise<ReportFlowState>;
  };
};

/** Copy (free flows), Like, Save and Report under the flow's title. */
export function FlowHeaderActions({ slug, flowTitle, isPremium, likes, report }: HeaderActionsProps) {
  const viewer = useViewer();
  const signedIn = Boolean(viewer);
  const state = useFlowViewerState(slug, signedIn);
  const loginHref = `/login?from=/flows/${slug}`;
  return (
    <>
      {!isPremium ? (
        signedIn ? (
          <CopyFlowButton slug={slug} />
        ) : (
          <Link href={loginHref} className={buttonClasses()}>
            <CopyIcon size={16} /> Sign in to copy
          </Link>
        )
      ) : null}
      <ReactionButtons
        key={state ? "viewer" : "visitor"}
        slug={slug}
        viewer={state ? { liked: state.liked, saved: state.saved } : null}
        likes={likes}
        loginHref={loginHref}
      />
      {state && state.report !== "own" ? (
        <ReportFlowButton
          slug={slug}
          flowTitle={flowTitle}
          reasons={report.reasons}
          noteMax={report.noteMax}
          alreadyReported={state.report === "reported"}
          action={report.action}
        />
      ) : null}
    </>
  );
}

/** The small Copy button beside a free flow's prompt, for signed-in viewers. */
export function PromptCopyButton({ slug }: { slug: string }) {
  const viewer = useViewer();
  return viewer ? <CopyFlowButton slug={slug} size="sm" label="Copy" /> : null;
}

/** A premium flow's call to action: Start free trial, Subscribe, or Open in Library. */
export function FlowPremiumCta({ slug, priceLabel }: { slug: string; priceLabel: string }) {
  const viewer = useViewer();
  return (
    <PremiumCta
      viewer={viewer ? (viewer.premiumAccess ? "entitled" : "member") : "anonymous"}
      slug={slug}
      priceLabel={priceLabel}
    />
  );
}
