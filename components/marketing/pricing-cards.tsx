import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { CheckIcon, MinusIcon } from "@/components/ui/icons";
import { COPY_CREDIT_CENTS, PLANS, TRIAL_DAYS, type Plan } from "@/lib/plans";
import { formatCents, formatCentsShort, formatCount } from "./format";
import { PlanCta, type PlanCtaProps, type PricedPlanId } from "./plan-cta";

type Feature = { text: ReactNode; included: boolean };

type CardSpec = {
  plan: Plan;
  id: PricedPlanId;
  tagline: string;
  priceNote: string;
  highlighted: boolean;
  features: Feature[];
};

function copiesText(plan: Plan): string {
  return plan.copyLimitPerPeriod === null
    ? "Unlimited copies"
    : `Up to ${formatCount(plan.copyLimitPerPeriod)} copies a period`;
}

/** Card contents, all figures read from lib/plans. */
function cardSpecs(): CardSpec[] {
  const { free, premium, team } = PLANS;
  return [
    {
      plan: free,
      id: "free",
      tagline: "Browse everything, use the free flows.",
      priceNote: "forever",
      highlighted: false,
      features: [
        { text: "Search the whole catalogue and see every flow’s steps", included: true },
        { text: "Read and copy all free flows", included: true },
        { text: `Publish up to ${formatCount(free.publishesPerMonth)} flows a month`, included: true },
        { text: `${formatCount(free.apiRequestsPerDay)} API requests a day`, included: true },
        { text: "Premium flows", included: free.premiumAccess },
      ],
    },
    {
      plan: premium,
      id: "premium",
      tagline: "The full premium library for one person.",
      priceNote: "per month",
      highlighted: true,
      features: [
        { text: "Every premium flow, in the reader", included: premium.premiumAccess },
        { text: `${copiesText(premium)} with the Copy button`, included: true },
        {
          text: `Your first ${formatCount(premium.paidCopiesPerPeriod)} premium copies each period pay their creators ${formatCentsShort(COPY_CREDIT_CENTS)} each`,
          included: true,
        },
        { text: `Publish up to ${formatCount(premium.publishesPerMonth)} flows a month`, included: true },
        { text: `${formatCount(premium.apiRequestsPerDay)} API requests a day`, included: true },
      ],
    },
    {
      plan: team,
      id: "team",
      tagline: "One subscription, a seat for everyone.",
      priceNote: "per seat, per month",
      highlighted: false,
      features: [
        { text: "Everything in Premium, for every seat", included: team.premiumAccess },
        { text: "Owner, admin and member roles; invite by email", included: true },
        {
          text: `${formatCount(team.paidCopiesPerPeriod)} creator-paying copies and ${formatCount(team.apiRequestsPerDay)} API requests a day per seat`,
          included: true,
        },
        { text: "Add or remove seats from the billing portal", included: true },
        { text: "One invoice for the whole team", included: true },
      ],
    },
  ];
}

type CtaContext = Pick<PlanCtaProps, "viewer" | "checkoutAction" | "portalAction">;

export function PricingCards({ className, cta }: { className?: string; cta: CtaContext }) {
  return (
    <ul className={cn("grid gap-6 lg:grid-cols-3 lg:items-stretch", className)}>
      {cardSpecs().map((card) => (
        <li
          key={card.id}
          className={cn(
            "relative flex flex-col rounded-2xl border bg-surface p-6 sm:p-8",
            card.highlighted
              ? "order-first border-accent shadow-raised ring-1 ring-accent lg:order-none"
              : "border-line shadow-card",
          )}
        >
          <div className="flex items-center justify-between gap-3">
            <h2 className="text-lg font-semibold tracking-tight text-ink">{card.plan.name}</h2>
            {card.highlighted ? <Badge variant="free">{TRIAL_DAYS}-day free trial</Badge> : null}
          </div>
          <p className="mt-2 text-sm text-ink-muted">{card.tagline}</p>
          <p className="mt-6 flex items-baseline gap-2">
            <span className="text-5xl font-semibold tracking-tight text-ink tabular-nums">
              {formatCents(card.plan.priceCents)}
            </span>
            <span className="text-sm text-ink-subtle">{card.priceNote}</span>
          </p>
          <div className="mt-6">
            <PlanCta planId={card.id} highlighted={card.highlighted} {...cta} />
          </div>
          <ul className="mt-8 flex flex-col gap-3 border-t border-line pt-6 text-sm">
            {card.features.map((feature, i) => (
              <li key={i} className={cn("flex gap-3", feature.included ? "text-ink" : "text-ink-subtle")}>
                {feature.included ? (
                  <CheckIcon size={16} className="mt-0.5 shrink-0 text-accent-text" />
                ) : (
                  <MinusIcon size={16} className="mt-0.5 shrink-0" />
                )}
                <span>
                  {feature.included ? null : <span className="sr-only">Not included: </span>}
                  {feature.text}
                </span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
