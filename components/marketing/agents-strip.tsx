import { Container } from "@/components/layout/container";
import { SUPPORTED_AGENTS } from "./agents";

export function AgentsStrip() {
  return (
    <section aria-labelledby="agents-title" className="border-y border-line bg-surface-muted/60">
      <Container className="flex flex-col gap-5 py-8 lg:items-center lg:py-10">
        <h2
          id="agents-title"
          className="shrink-0 font-mono text-xs font-medium tracking-wider text-ink-subtle uppercase"
        >
          Written for the agents people actually use
        </h2>
        <ul className="flex flex-wrap gap-2 lg:justify-center">
          {SUPPORTED_AGENTS.map((agent) => (
            <li
              key={agent}
              className="rounded-full border border-line bg-surface px-3 py-1.5 text-sm font-medium whitespace-nowrap text-ink"
            >
              {agent}
            </li>
          ))}
        </ul>
      </Container>
    </section>
  );
}
