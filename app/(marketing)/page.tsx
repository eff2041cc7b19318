import Link from "next/link";
import { Container } from "@/components/layout/container";
import { AgentsStrip } from "@/components/marketing/agents-strip";
import { CreatorsSection } from "@/components/marketing/creators-section";
import { copyEconomics } from "@/components/marketing/economics";
import { Faq, type FaqItem } from "@/components/marketing/faq";
import { FinalCta } from "@/components/marketing/final-cta";
import { formatCents, formatCentsShort, formatCount } from "@/components/marketing/format";
import { Hero } from "@/components/marketing/hero";
import { HowItWorks } from "@/components/marketing/how-it-works";
import { SectionHeading } from "@/components/marketing/section-heading";

function faqItems(): FaqItem[] {
  const e = copyEconomics();
  return [
    {
      question: "What exactly is a flow?",
      answer: (
        <p>
          A flow is a written set of instructions for one task on one kind of website: the goal, the steps in order,
          what to check along the way, and when to stop and ask. You paste it into your agent&rsquo;s prompt. Every flow
          lists the sites it targets and the agents it was tested with.
        </p>
      ),
    },
    {
      question: "Which agents do flows work with?",
      answer: (
        <p>
          Any agent that takes plain-language instructions and drives a browser: Perplexity Comet, ChatGPT Atlas, Opera
          Neon, Manus, Browser Use, Playwright MCP, Claude for Chrome, Gemini in Chrome and others. Each flow says which
          agents its creator tested it with, and you can filter the catalogue by agent.
        </p>
      ),
    },
    {
      question: "What can I do without paying?",
      answer: (
        <p>
          Browse and search the whole catalogue, see every flow&rsquo;s summary, steps, agents and sites, and read and
          copy all free flows. Premium flows need a subscription or the free trial.
        </p>
      ),
    },
    {
      question: "How does the free trial work?",
      answer: (
        <p>
          {e.trialDays} days of premium access, no card needed, once per person.
          {e.trialCopyLimit !== null
            ? ` You can copy up to ${formatCount(e.trialCopyLimit)} flows during the trial.`
            : ""}{" "}
          Trial copies don&rsquo;t pay creators, because no money has changed hands yet. Add a card before the trial
          ends to keep going at {formatCents(e.priceCents)} a month; if you don&rsquo;t, premium flows simply lock
          again.
        </p>
      ),
    },
    {
      question: "Can I cancel?",
      answer: (
        <p>
          Yes, any time, from the billing page of your account. You keep premium access until the end of the period you
          already paid for.
        </p>
      ),
    },
    {
      question: "How do creators get paid?",
      answer: (
        <p>
          {formatCentsShort(e.creditCents)} for each qualifying copy of their premium flows, paid monthly through Stripe
          Connect once the balance reaches {formatCents(e.payoutThresholdCents)}. See{" "}
          <Link href="#creators">the breakdown above</Link>.
        </p>
      ),
    },
    {
      question: "Is there an API?",
      answer: (
        <p>
          Yes. Create an API token in your account to search, read and copy flows from scripts or the browser extension.
          The <Link href="/docs/api">API docs</Link> list every endpoint.
        </p>
      ),
    },
  ];
}

export default function LandingPage() {
  return (
    <>
      <Hero />
      <AgentsStrip />
      <HowItWorks />
      <CreatorsSection />
      <section aria-labelledby="faq-title" className="py-20 sm:py-28">
        <Container className="grid gap-10 lg:grid-cols-[1fr_2fr] lg:gap-16">
          <SectionHeading
            id="faq-title"
            eyebrow="FAQ"
            title="Questions, answered plainly."
            lead={
              <>
                Something missing? The{" "}
                <Link href="/pricing" className="font-medium text-accent-text underline underline-offset-4">
                  pricing page
                </Link>{" "}
                covers billing in more detail.
              </>
            }
          />
          <Faq items={faqItems()} />
        </Container>
      </section>
      <FinalCta />
    </>
  );
}
