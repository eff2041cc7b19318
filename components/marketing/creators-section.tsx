import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Container } from "@/components/layout/container";
import { copyEconomics } from "./economics";
import { formatCents, formatCentsShort, formatCount } from "./format";
import { RevenueSplit } from "./revenue-split";
import { SectionHeading } from "./section-heading";

export function CreatorsSection() {
  const e = copyEconomics();
  const facts = [
    {
      term: `${formatCentsShort(e.creditCents)} per qualifying copy`,
      detail: `A qualifying copy is a paying subscriber copying one of your premium flows for the first time in their billing period, within their first ${formatCount(e.paidCopies)} premium copies of that period.`,
    },
    {
      term: "Paid monthly through Stripe Connect",
      detail: `Payouts run on the 1st of each month (UTC) to your connected Stripe account. Balances under ${formatCents(e.payoutThresholdCents)} carry forward to the next month.`,
    },
    {
      term: "Earned when the subscriber pays",
      detail:
        "Credits start as pending and become earned once the invoice for that period is paid. If it is refunded or disputed, those credits are reversed.",
    },
    {
      term: "What doesn’t count",
      detail:
        "Copies during a free trial (no money has changed hands), copies of your own flows or by your own team, repeat copies of the same flow in one period, and copies of free flows.",
    },
  ];

  return (
    <section
      id="creators"
      aria-labelledby="creators-title"
      className="scroll-mt-20 border-y border-line bg-surface-muted/60 py-20 sm:py-28"
    >
      <Container className="grid gap-14 lg:grid-cols-[1fr_1fr] lg:gap-20">
        <div>
          <SectionHeading
            id="creators-title"
            eyebrow="For creators"
            title="Write a flow once. Get paid every time it’s used."
            lead={`${e.creatorPercent}% of every subscriber’s fee goes to the creators whose flows they copy. Here is exactly how, including the parts that don’t pay.`}
          />
          <dl className="mt-10 flex flex-col gap-6">
            {facts.map((fact) => (
              <div key={fact.term} className="border-l-2 border-accent pl-5">
                <dt className="font-semibold text-ink">{fact.term}</dt>
                <dd className="mt-1 text-[0.95rem] leading-7 text-ink-muted">{fact.detail}</dd>
              </div>
            ))}
          </dl>
          <div className="mt-10 flex flex-col gap-3 sm:flex-row">
            <Link href="/creator/flows/new" className={buttonClasses({ size: "lg" })}>
              Publish a flow
            </Link>
            <Link href="/pricing" className={buttonClasses({ variant: "secondary", size: "lg" })}>
              See the plans
            </Link>
          </div>
        </div>
        <div className="lg:sticky lg:top-24 lg:self-start lg:pt-24">
          <RevenueSplit />
        </div>
      </Container>
    </section>
  );
}
