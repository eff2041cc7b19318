import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Container } from "@/components/layout/container";
import { TRIAL_DAYS } from "@/lib/plans";

export function FinalCta() {
  return (
    <section aria-labelledby="final-cta-title" className="pb-20 sm:pb-28">
      <Container>
        <div className="relative isolate overflow-hidden rounded-3xl border border-line bg-surface px-6 py-14 text-center shadow-card sm:px-12 sm:py-20">
          <div aria-hidden="true" className="bg-grid-fade absolute inset-0 -z-10 opacity-60" />
          <div
            aria-hidden="true"
            className="absolute -bottom-24 left-1/2 -z-10 h-48 w-2/3 -translate-x-1/2 rounded-full bg-accent-soft blur-3xl"
          />
          <h2
            id="final-cta-title"
            className="mx-auto max-w-2xl text-3xl font-semibold tracking-tight text-ink sm:text-4xl"
          >
            Give your agent instructions that already worked.
          </h2>
          <p className="mx-auto mt-4 max-w-xl text-base leading-7 text-ink-muted sm:text-lg">
            {TRIAL_DAYS} days of every premium flow, free. No card needed to start.
          </p>
          <div className="mt-8 flex flex-col justify-center gap-3 sm:flex-row">
            <Link href="/register" className={buttonClasses({ size: "lg" })}>
              Start {TRIAL_DAYS}-day free trial
            </Link>
            <Link href="/flows" className={buttonClasses({ variant: "secondary", size: "lg" })}>
              Browse flows
            </Link>
          </div>
        </div>
      </Container>
    </section>
  );
}
