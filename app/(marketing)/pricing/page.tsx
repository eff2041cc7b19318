import type { Metadata } from "next";
import Link from "next/link";
import { Container } from "@/components/layout/container";
import { copyEconomics } from "@/components/marketing/economics";
import { Faq, type FaqItem } from "@/components/marketing/faq";
import { formatCents, formatCentsShort, formatCount } from "@/components/marketing/format";
import { PricingCards } from "@/components/marketing/pricing-cards";
import { RevenueSplit } from "@/components/marketing/revenue-split";
import { SectionHeading } from "@/components/marketing/section-heading";
import { Alert } from "@/components/ui/alert";
import { ArrowRightIcon } from "@/components/ui/icons";
import { getDb } from "@/db";
import { getSessionUser } from "@/lib/auth/session";
import { getBillingViewer } from "@/lib/billing/viewer";
import { checkoutAction, personalPortalAction } from "@/app/billing/actions";
import { resendVerificationAction } from "@/app/verify-email/actions";
import { VerifyEmailNotice } from "@/components/account/verify-email-notice";
import { PLANS, TRIAL_DAYS } from "@/lib/plans";
import { MIN_TEAM_SEATS } from "@/lib/teams/create-team";

export const metadata: Metadata = {
  title: "Pricing",
  description: `Browse free. Premium is ${formatCents(PLANS.premium.priceCents)} a month with a ${TRIAL_DAYS}-day free trial, and ${copyEconomics().creatorPercent}% of it goes to the creators whose flows you copy.`,
};

function trialFacts() {
  const e = copyEconomics();
  return [
    {
      term: `${e.trialDays} days, no card`,
      detail: "Start with an account and a confirmed email address. Add a card only if you want to keep going.",
    },
    {
      term: e.trialCopyLimit === null ? "Unlimited copies" : `Up to ${formatCount(e.trialCopyLimit)} copies`,
      detail: "Read every premium flow in the reader, and copy the ones you need.",
    },
    {
      term: "Once per person",
      detail: "The trial is offered once, whether you start it on your own or in a team.",
    },
    {
      term: "Then it pauses",
      detail: "No card when the trial ends? Nothing is charged: premium flows lock again until you subscribe.",
    },
  ];
}

function billingFaq(): FaqItem[] {
  const e = copyEconomics();
  return [
    {
      question: "Do trial copies pay creators?",
      answer: (
        <p>
          No. Creators are paid from subscription fees, and during the trial no money has changed hands. Once you
          subscribe, each of your first {formatCount(e.paidCopies)} premium copies in a billing period pays its creator{" "}
          {formatCentsShort(e.creditCents)}.
        </p>
      ),
    },
    {
      question: "What is a “period”?",
      answer: (
        <p>
          Your billing period, from the day you subscribed to the same day next month, not the calendar month. Copy
          counts and the creator pool reset when it renews.
        </p>
      ),
    },
    {
      question: "What happens if a payment fails?",
      answer: (
        <p>
          Stripe retries the charge over the following days. You keep access while it does, with a banner and a link to
          update your card. If every retry fails, premium access ends until the card is fixed.
        </p>
      ),
    },
    {
      question: "Can I cancel any time?",
      answer: (
        <p>
          Yes, from the billing portal in your account. Premium access continues until the end of the period you paid
          for, and you can resume before then.
        </p>
      ),
    },
    {
      question: "How does Team billing work?",
      answer: (
        <p>
          A team holds one subscription whose quantity is its number of seats, at {formatCents(PLANS.team.priceCents)}{" "}
          per seat per month, from {MIN_TEAM_SEATS} seats. Owners and admins invite people by email, remove members and
          add or remove seats in the billing portal. Each seat gives one member every premium flow and{" "}
          {formatCount(PLANS.team.paidCopiesPerPeriod)} creator-paying copies a period; seats go to the members who
          joined first.
        </p>
      ),
    },
  ];
}

export default async function PricingPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; checkout?: string; verification?: string }>;
}) {
  const params = await searchParams;
  const user = await getSessionUser();
  const viewer = await getBillingViewer(await getDb(), user?.id ?? null);
  return (
    <>
      <section aria-labelledby="pricing-title" className="relative isolate overflow-hidden">
        <div aria-hidden="true" className="bg-grid-fade absolute inset-0 -z-10 opacity-70" />
        <Container className="pt-14 pb-16 sm:pt-20 sm:pb-20">
          <div className="mx-auto max-w-2xl text-center">
            <p className="font-mono text-xs font-medium tracking-wider text-accent-text uppercase">Pricing</p>
            <h1
              id="pricing-title"
              className="mt-3 text-4xl leading-[1.08] font-semibold tracking-[-0.03em] text-ink sm:text-5xl"
            >
              One library. One price. Creators get {copyEconomics().creatorPercent}%.
            </h1>
            <p className="mt-5 text-lg leading-8 text-ink-muted">
              Browse and use free flows at no cost. Premium unlocks every flow for{" "}
              {formatCents(PLANS.premium.priceCents)} a month, after a {TRIAL_DAYS}-day trial that needs no card.
            </p>
          </div>
          {viewer.signedIn && viewer.trialAvailable && !viewer.emailVerified && !viewer.hasSubscription ? (
            <VerifyEmailNotice
              className="mx-auto mt-8 max-w-2xl"
              email={viewer.email ?? ""}
              from="/pricing"
              status={params.verification}
              action={resendVerificationAction}
            />
          ) : null}
          {params.error && params.error !== "email_unverified" ? (
            <Alert variant="danger" className="mx-auto mt-8 max-w-2xl">
              {params.error === "unavailable"
                ? "Billing is not available right now. Please try again later."
                : "We couldn't start checkout. Please try again."}
            </Alert>
          ) : null}
          {params.checkout === "canceled" ? (
            <Alert variant="info" className="mx-auto mt-8 max-w-2xl">
              Checkout canceled: nothing was charged.
            </Alert>
          ) : null}
          <PricingCards className="mt-14" cta={{ viewer, checkoutAction, portalAction: personalPortalAction }} />
        </Container>
      </section>

      <section aria-labelledby="trial-title" className="border-y border-line bg-surface-muted/60 py-20 sm:py-24">
        <Container>
          <SectionHeading
            id="trial-title"
            eyebrow="The free trial"
            title={`${TRIAL_DAYS} days with every premium flow.`}
            lead="Try the library on the tasks you actually have, then decide."
          />
          <dl className="mt-12 grid gap-px overflow-hidden rounded-2xl border border-line bg-line sm:grid-cols-2 lg:grid-cols-4">
            {trialFacts().map((fact) => (
              <div key={fact.term} className="bg-surface p-6">
                <dt className="font-semibold text-ink">{fact.term}</dt>
                <dd className="mt-2 text-sm leading-6 text-ink-muted">{fact.detail}</dd>
              </div>
            ))}
          </dl>
        </Container>
      </section>

      <section aria-labelledby="split-title" className="py-20 sm:py-28">
        <Container className="grid items-start gap-12 lg:grid-cols-2 lg:gap-20">
          <SectionHeading
            id="split-title"
            eyebrow={`Where your ${formatCents(PLANS.premium.priceCents)} goes`}
            title="Your subscription pays the people who wrote what you use."
            lead={
              <>
                Not a pool split by popularity across everyone: your own copies decide which creators your fee goes to.
                <Link
                  href="/#creators"
                  className="mt-4 flex w-fit items-center gap-1.5 text-base font-medium text-accent-text underline-offset-4 hover:underline"
                >
                  How creators earn <ArrowRightIcon />
                </Link>
              </>
            }
          />
          <RevenueSplit />
        </Container>
      </section>

      <section aria-labelledby="billing-faq-title" className="pb-20 sm:pb-28">
        <Container className="grid gap-10 lg:grid-cols-[1fr_2fr] lg:gap-16">
          <SectionHeading id="billing-faq-title" eyebrow="Billing FAQ" title="The fine print, in plain words." />
          <Faq items={billingFaq()} />
        </Container>
      </section>
    </>
  );
}
