import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Container } from "@/components/layout/container";
import { AccessBadge } from "@/components/flows/access-badge";
import { FlowFacts } from "@/components/flows/flow-facts";
import { FlowSteps } from "@/components/flows/flow-steps";
import { creatorDisplayName, formatDate } from "@/components/flows/format";
import { ArrowLeftIcon } from "@/components/flows/icons";
import { FlowHeaderActions, FlowPremiumCta, PromptCopyButton } from "@/components/flows/flow-viewer-actions";
import { PromptBlock } from "@/components/flows/prompt-block";
import { Badge } from "@/components/ui/badge";
import { getDb } from "@/db";
import { tagPublicPage } from "@/lib/cache/public-pages";
import { getFreeFlowText } from "@/lib/flows/flow-text";
import { REPORT_FORM } from "@/lib/moderation/input";
import { PLANS } from "@/lib/plans";
import { reportFlowAction } from "../actions";
import { loadPublicFlow } from "./flow-data";

// Served from Next's cache for everyone (lib/cache/public-pages.ts): nothing here reads the viewer; the calls to
// action are client islands. Rendered on first request (never at build), expired by tag on every change to the
// flow, and at most a minute old for its counters. Only public text: a premium flow's steps and prompt never.
export const revalidate = 60;
export async function generateStaticParams(): Promise<Array<{ slug: string }>> {
  return [];
}

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
  // Tagged first, so a "not found" answer is expired too when a flow of that slug is published.
  await tagPublicPage();
  const flow = await loadPublicFlow((await params).slug);
  if (!flow) notFound();

  const text = await getFreeFlowText(await getDb(), { flow });
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
              <FlowHeaderActions
                slug={flow.slug}
                flowTitle={flow.title}
                isPremium={flow.isPremium}
                likes={flow.likes}
                report={{ ...REPORT_FORM, action: reportFlowAction }}
              />
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
                <PromptCopyButton slug={flow.slug} />
              </div>
              <div className="mt-4">
                <PromptBlock text={text.promptText} />
              </div>
            </section>
          ) : flow.isPremium ? (
            <div className="mt-10">
              <FlowPremiumCta slug={flow.slug} priceLabel={priceLabel} />
            </div>
          ) : null}
        </article>

        <FlowFacts flow={flow} />
      </div>
    </Container>
  );
}
