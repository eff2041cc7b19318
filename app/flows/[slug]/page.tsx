import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Container } from "@/components/layout/container";
import { AccessBadge } from "@/components/flows/access-badge";
import { CopyFlowButton } from "@/components/flows/copy-flow-button";
import { FlowFacts } from "@/components/flows/flow-facts";
import { FlowSteps } from "@/components/flows/flow-steps";
import { creatorDisplayName, formatDate } from "@/components/flows/format";
import { ArrowLeftIcon } from "@/components/flows/icons";
import { PremiumCta, type PremiumViewer } from "@/components/flows/premium-cta";
import { PromptBlock } from "@/components/flows/prompt-block";
import { ReactionButtons } from "@/components/flows/reaction-buttons";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { CopyIcon } from "@/components/ui/icons";
import { getDb } from "@/db";
import { getViewerReactions } from "@/db/queries/flow-reactions";
import { getCaller } from "@/lib/flows/caller";
import { getFreeFlowText } from "@/lib/flows/flow-text";
import { PLANS } from "@/lib/plans";
import { ReportControl } from "../_report/report-control";
import { loadPublicFlow } from "./flow-data";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

// Title and summary only: the description of a premium flow must not quote its text.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const flow = await loadPublicFlow((await params).slug);
  if (!flow) return { title: "Flow not found" };
  return {
    title: flow.title,
    description: flow.summary,
    alternates: { canonical: `/flows/${flow.slug}` },
    openGraph: { type: "article", title: flow.title, description: flow.summary, url: `/flows/${flow.slug}` },
  };
}

export default async function FlowPage({ params }: Props) {
  const flow = await loadPublicFlow((await params).slug);
  if (!flow) notFound();

  const db = await getDb();
  const [caller, text] = await Promise.all([getCaller(), getFreeFlowText(db, { flow })]);
  const reactions = caller.userId ? await getViewerReactions(db, { userId: caller.userId, flowId: flow.id }) : null;
  const from = `/flows/${flow.slug}`;
  const loginHref = `/login?from=${from}`;
  const viewer: PremiumViewer = caller.premiumAccess ? "entitled" : caller.userId ? "member" : "anonymous";
  const priceLabel = `$${PLANS.premium.priceCents / 100}/month`;

  return (
    <Container className="py-8 sm:py-10">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/flows" className="inline-flex items-center gap-1.5 text-ink-muted hover:text-ink">
          <ArrowLeftIcon size={14} /> All flows
        </Link>
      </nav>

      <div className="mt-6 grid gap-10 lg:grid-cols-[minmax(0,1fr)_18rem] lg:gap-12">
        <article className="min-w-0">
          <header className="border-b border-line pb-6">
            <div className="flex flex-wrap items-center gap-2">
              <AccessBadge isPremium={flow.isPremium} />
              <Badge>{flow.category}</Badge>
            </div>
            <h1 className="mt-3 text-2xl font-semibold tracking-tight text-balance text-ink sm:text-3xl">
              {flow.title}
            </h1>
            <p className="mt-3 max-w-2xl text-base leading-7 text-ink-muted">{flow.summary}</p>
            <p className="mt-3 text-sm text-ink-subtle">
              by{" "}
              {flow.creator.handle ? (
                <Link href={`/creators/${flow.creator.handle}`} className="font-medium text-ink hover:underline">
                  {creatorDisplayName(flow.creator)}
                </Link>
              ) : (
                <span className="font-medium text-ink">{creatorDisplayName(flow.creator)}</span>
              )}{" "}
              · updated <time dateTime={flow.updatedAt.toISOString()}>{formatDate(flow.updatedAt)}</time>
            </p>
            <div className="mt-5 flex flex-wrap items-center gap-2">
              {!flow.isPremium ? (
                caller.userId ? (
                  <CopyFlowButton slug={flow.slug} />
                ) : (
                  <Link href={loginHref} className={buttonClasses()}>
                    <CopyIcon size={16} /> Sign in to copy
                  </Link>
                )
              ) : null}
              <ReactionButtons slug={flow.slug} viewer={reactions} likes={flow.likes} loginHref={loginHref} />
              <ReportControl flow={flow} userId={caller.userId} />
            </div>
          </header>

          <section aria-labelledby="flow-steps" className="mt-8">
            <h2 id="flow-steps" className="text-lg font-semibold tracking-tight text-ink">
              Steps
            </h2>
            <div className="mt-4">
              {text ? <FlowSteps steps={text.steps} /> : <FlowSteps titles={flow.stepTitles} locked={flow.isPremium} />}
            </div>
          </section>

          {text ? (
            <section aria-labelledby="flow-prompt" className="mt-10">
              <div className="flex flex-wrap items-end justify-between gap-3">
                <div>
                  <h2 id="flow-prompt" className="text-lg font-semibold tracking-tight text-ink">
                    The prompt
                  </h2>
                  <p className="mt-1 text-sm text-ink-muted">Paste this into your browser agent, or use Copy.</p>
                </div>
                {caller.userId ? <CopyFlowButton slug={flow.slug} size="sm" label="Copy" /> : null}
              </div>
              <div className="mt-4">
                <PromptBlock text={text.promptText} />
              </div>
            </section>
          ) : flow.isPremium ? (
            <div className="mt-10">
              <PremiumCta viewer={viewer} slug={flow.slug} priceLabel={priceLabel} />
            </div>
          ) : null}
        </article>

        <FlowFacts flow={flow} />
      </div>
    </Container>
  );
}
