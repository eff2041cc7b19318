import { Container } from "@/components/layout/container";
import { CopyIcon, SearchIcon, SparkleIcon } from "@/components/ui/icons";
import { SectionHeading } from "./section-heading";

const STEPS = [
  {
    Icon: SearchIcon,
    title: "Find the flow for the job",
    body: "Search by task, website or agent. Every flow shows its steps, the sites it targets and the agents it was tested with before you subscribe.",
  },
  {
    Icon: CopyIcon,
    title: "Copy it in one click",
    body: "Press Copy and the full instructions land on your clipboard, ready for your agent’s prompt box. No setup, no extension required.",
  },
  {
    Icon: SparkleIcon,
    title: "Let the agent run",
    body: "Your agent follows steps that already worked, with the checks and stop conditions spelled out: fewer wrong clicks, fewer retries, less babysitting.",
  },
];

export function HowItWorks() {
  return (
    <section aria-labelledby="how-title" className="py-20 sm:py-28">
      <Container>
        <SectionHeading
          id="how-title"
          eyebrow="How it works"
          title="Stop re-explaining the same task to your agent."
          lead="Agents are good at following instructions and bad at guessing how a particular website works. A flow is the difference."
        />
        <ol className="mt-14 grid gap-px overflow-hidden rounded-2xl border border-line bg-line md:grid-cols-3">
          {STEPS.map(({ Icon, title, body }, i) => (
            <li key={title} className="flex flex-col bg-surface p-6 sm:p-8">
              <div className="flex items-center justify-between">
                <span className="flex size-10 items-center justify-center rounded-lg bg-accent-soft text-accent-text">
                  <Icon size={20} />
                </span>
                <span className="font-mono text-sm text-ink-subtle">{String(i + 1).padStart(2, "0")}</span>
              </div>
              <h3 className="mt-6 text-lg font-semibold tracking-tight text-ink">{title}</h3>
              <p className="mt-2 text-[0.95rem] leading-7 text-ink-muted">{body}</p>
            </li>
          ))}
        </ol>
      </Container>
    </section>
  );
}
