import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import type { FieldErrors } from "@/lib/publishing/flow-input";
import type { FlowFormValues } from "@/lib/publishing/form-values";
import { FLOW_LIMITS } from "@/lib/publishing/limits";
import { AGENTS } from "@/lib/publishing/vocabulary";
import { ChoiceGroup, ChoiceTile } from "./choice-fields";
import { errorFor } from "./field-errors";

// Pieces of the flow form (flow-editor.tsx): the card around each section, the character counter, the agents.

export type EditorValues = Omit<FlowFormValues, "steps">;

export type SetValue = <K extends keyof EditorValues>(key: K, value: EditorValues[K]) => void;

export function Section({
  id,
  title,
  description,
  children,
}: {
  id?: string;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Card id={id} className="scroll-mt-24">
      <CardHeader>
        <CardTitle as="h2">{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent className="flex flex-col gap-5">{children}</CardContent>
    </Card>
  );
}

/** "42 / 120", red when outside the allowed range once something is typed. */
export function Counter({ text, min, max }: { text: string; min: number; max: number }) {
  const length = text.trim().length;
  const outside = length > max || (length > 0 && length < min);
  const range =
    min > 1
      ? `${min.toLocaleString("en-US")}–${max.toLocaleString("en-US")} characters`
      : `Up to ${max.toLocaleString("en-US")} characters`;
  return (
    <span className="flex justify-between gap-3">
      <span>{range}.</span>
      <span className={cn("tabular-nums", outside && "font-medium text-danger-text")}>
        {length.toLocaleString("en-US")} / {max.toLocaleString("en-US")}
      </span>
    </span>
  );
}

export function AgentsField({ values, errors, set }: { values: EditorValues; errors: FieldErrors; set: SetValue }) {
  const error = errorFor(errors, "agents");
  const toggle = (agent: string, checked: boolean) =>
    set("agents", checked ? [...values.agents, agent] : values.agents.filter((a) => a !== agent));
  return (
    <ChoiceGroup
      id="flow-agents"
      legend={`Agents you tested it with (${FLOW_LIMITS.agents.min}–${FLOW_LIMITS.agents.max})`}
      error={error}
    >
      <div className="grid grid-cols-2 gap-2 xl:grid-cols-3">
        {AGENTS.map((agent, i) => (
          <ChoiceTile
            key={agent}
            id={`flow-agent-${i}`}
            type="checkbox"
            name="agents"
            value={agent}
            checked={values.agents.includes(agent)}
            onChange={(checked) => toggle(agent, checked)}
            invalid={Boolean(error)}
            title={agent}
          />
        ))}
      </div>
      <div className={cn("mt-2 flex flex-col gap-1.5")}>
        <label htmlFor="flow-other-agents" className="text-sm font-medium text-ink">
          Other agents <span className="text-xs font-normal text-ink-subtle">Optional</span>
        </label>
        <Input
          id="flow-other-agents"
          name="otherAgents"
          value={values.otherAgents}
          onChange={(e) => set("otherAgents", e.target.value)}
          placeholder="Separated by commas"
        />
      </div>
    </ChoiceGroup>
  );
}
