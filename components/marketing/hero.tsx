import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { ArrowRightIcon } from "@/components/ui/icons";
import { Container } from "@/components/layout/container";
import { TRIAL_DAYS, PLANS } from "@/lib/plans";
import { FlowPreview } from "./flow-preview";
import { formatCents } from "./format";

export function Hero() {
  return (
    <section aria-labelledby="hero-title" className="relative isolate overflow-hidden">
      <div aria-hidden="true" className="bg-grid-fade absolute inset-0 -z-10 opacity-70" />
      <Container className="grid items-center gap-14 pt-14 pb-16 sm:pt-20 lg:grid-cols-[1.05fr_1fr] lg:gap-16 lg:pt-24 lg:pb-24">
        <div>
          <p className="inline-flex items-center gap-2 rounded-full border border-line bg-surface/80 px-3 py-1 font-mono text-xs text-ink-muted">
            <span aria-hidden="true" className="size-1.5 rounded-full bg-accent" />
            The marketplace for AI browser agents
          </p>
          <h1
            id="hero-title"
            className="mt-6 text-[2.6rem] leading-[1.05] font-semibold tracking-[-0.035em] text-ink sm:text-6xl lg:text-[3.75rem]"
          >
            Tested instructions for the AI agent in your browser.
          </h1>
          <p className="mt-6 max-w-xl text-base leading-7 text-ink-muted sm:text-lg sm:leading-8">
            Flowtab is a marketplace of <strong className="font-semibold text-ink">flows</strong>: step-by-step
            instructions that tell your browser agent how to do one task on one kind of website. Copy a flow, paste it
            into your agent, and let it work from steps someone already ran.
          </p>
          <div className="mt-9 flex flex-col gap-3 sm:flex-row">
            <Link href="/register" className={buttonClasses({ size: "lg" })}>
              Start {TRIAL_DAYS}-day free trial
            </Link>
            <Link href="/flows" className={buttonClasses({ variant: "secondary", size: "lg" })}>
              Browse flows <ArrowRightIcon />
            </Link>
          </div>
          <p className="mt-4 text-sm text-ink-subtle">
            No card needed for the trial. {formatCents(PLANS.premium.priceCents)}/month after, cancel any time.
          </p>
        </div>
        <FlowPreview />
      </Container>
    </section>
  );
}
