"use client";

import Link from "next/link";
import { startTransition, useActionState, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { FlowStatus } from "@/db/schema/flows";
import type { FieldErrors } from "@/lib/publishing/flow-input";
import type { FlowFormValues } from "@/lib/publishing/form-values";
import { FLOW_LIMITS } from "@/lib/publishing/limits";
import { CATEGORIES } from "@/lib/publishing/vocabulary";
import { ChoiceGroup, ChoiceTile } from "./choice-fields";
import { AgentsField, Counter, Section, type EditorValues, type SetValue } from "./editor-parts";
import { errorFor, FIELD_IDS, rootField, summarizeErrors } from "./field-errors";
import { StepsEditor, withStepIds, type StepDraft } from "./steps-editor";
import type { FlowEditorState, SaveFlowAction } from "./types";

export type FlowEditorProps = {
  /** Absent for a new flow. */
  flowId?: string;
  status?: FlowStatus;
  initialValues: FlowFormValues;
  /** Errors to show at once (from an imported file). */
  initialErrors?: FieldErrors;
  action: SaveFlowAction;
};

type Intent = "save" | "publish";

/**
 * The flow form. Every field is controlled and the submit is dispatched by hand (preventDefault +
 * startTransition), so React does not reset the form after the action: on an error, what was typed stays.
 * The server answers with per-field errors (shown next to each field and summarised at the top) or redirects.
 */
export function FlowEditor({ flowId, status, initialValues, initialErrors, action }: FlowEditorProps) {
  const [state, formAction, pending] = useActionState<FlowEditorState, FormData>(action, {
    errors: initialErrors ?? {},
  });
  const start = state.values ?? initialValues;
  const [values, setValues] = useState<EditorValues>(start);
  const [steps, setSteps] = useState<StepDraft[]>(() => withStepIds(start.steps));
  const [intent, setIntent] = useState<Intent | null>(null);
  // Fields edited since the last answer: their old error is hidden, the rest stay until the next submit.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const summaryRef = useRef<HTMLDivElement>(null);

  // A new answer from the server shows all of its errors again (reset during render, not in an effect).
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    setEdited(new Set());
  }
  useEffect(() => {
    if (state.formError || Object.keys(state.errors).length > 0) summaryRef.current?.focus();
  }, [state]);

  const errors = useMemo(() => {
    const visible: FieldErrors = {};
    for (const [key, message] of Object.entries(state.errors)) {
      const root = rootField(key);
      const hidden = edited.has(key) || edited.has(root) || (root === "steps" && edited.has("steps:*"));
      if (!hidden) visible[key] = message;
    }
    return visible;
  }, [state.errors, edited]);

  const markEdited = (key: string) => setEdited((current) => (current.has(key) ? current : new Set(current).add(key)));
  const set: SetValue = (key, value) => {
    setValues((v) => ({ ...v, [key]: value }));
    markEdited(ERROR_KEY_OF[key] ?? key);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    setIntent(submitter?.getAttribute("value") === "publish" ? "publish" : "save");
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(data));
  };

  const summary = summarizeErrors(errors);
  const isPublished = status === "published";

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex min-w-0 flex-col gap-6">
      {flowId ? <input type="hidden" name="flowId" value={flowId} /> : null}

      {/* Always rendered (the focus target after a failed save); hidden while there is nothing to say. */}
      <div
        ref={summaryRef}
        tabIndex={-1}
        className={cn("scroll-mt-24 focus:outline-none", !state.formError && summary.length === 0 && "hidden")}
      >
        {state.formError || summary.length > 0 ? (
          <Alert
            variant="danger"
            title={
              state.formError ??
              (summary.length === 1 ? "1 field needs your attention" : `${summary.length} fields need your attention`)
            }
          >
            {summary.length > 0 ? (
              <ul className="mt-1 flex list-disc flex-col gap-0.5 pl-4">
                {summary.map((item) => (
                  <li key={item.key}>
                    <a href={item.href}>{item.label}</a>: {item.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
      </div>

      <Section title="Basics" description="What the flow does, as people see it in the catalogue.">
        <Field
          id={FIELD_IDS.title}
          label="Title"
          error={errorFor(errors, "title")}
          hint={<Counter text={values.title} min={FLOW_LIMITS.title.min} max={FLOW_LIMITS.title.max} />}
        >
          <Input
            name="title"
            value={values.title}
            onChange={(e) => set("title", e.target.value)}
            placeholder="Resolve a GitHub merge conflict in the web editor"
            autoComplete="off"
          />
        </Field>
        <Field
          id={FIELD_IDS.summary}
          label="Summary"
          error={errorFor(errors, "summary")}
          hint={<Counter text={values.summary} min={FLOW_LIMITS.summary.min} max={FLOW_LIMITS.summary.max} />}
        >
          <Textarea
            name="summary"
            rows={4}
            value={values.summary}
            onChange={(e) => set("summary", e.target.value)}
            placeholder="One or two sentences: the task, the site, and what the agent hands back."
          />
        </Field>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field id={FIELD_IDS.category} label="Category" error={errorFor(errors, "category")}>
            <Select name="category" value={values.category} onChange={(e) => set("category", e.target.value)}>
              <option value="">Choose a category…</option>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
              {values.category && !CATEGORIES.includes(values.category) ? (
                <option value={values.category}>{values.category}</option>
              ) : null}
            </Select>
          </Field>
        </div>
        <ChoiceGroup id="flow-access" legend="Access" error={errorFor(errors, "isPremium")}>
          <div className="grid gap-2 sm:grid-cols-2">
            <ChoiceTile
              id="flow-access-free"
              type="radio"
              name="access"
              value="free"
              checked={values.access === "free"}
              onChange={() => set("access", "free")}
              invalid={Boolean(errorFor(errors, "isPremium"))}
              title="Free"
              description="Anyone signed in can read and copy it."
            />
            <ChoiceTile
              id="flow-access-premium"
              type="radio"
              name="access"
              value="premium"
              checked={values.access === "premium"}
              onChange={() => set("access", "premium")}
              invalid={Boolean(errorFor(errors, "isPremium"))}
              title="Premium"
              description="Subscribers only. You earn 7¢ per qualifying copy."
            />
          </div>
        </ChoiceGroup>
      </Section>

      <Section title="Where it runs" description="Filters in the catalogue use these.">
        <AgentsField values={values} errors={errors} set={set} />
        <div className="grid gap-5 sm:grid-cols-2">
          <Field
            id={FIELD_IDS.sites}
            label="Sites"
            optional
            error={errorFor(errors, "sites")}
            hint={`Up to ${FLOW_LIMITS.sites.max} domains, separated by commas.`}
          >
            <Input
              name="sites"
              value={values.sites}
              onChange={(e) => set("sites", e.target.value)}
              placeholder="github.com, slack.com"
              autoCapitalize="none"
              spellCheck={false}
            />
          </Field>
          <Field
            id={FIELD_IDS.tags}
            label="Tags"
            optional
            error={errorFor(errors, "tags")}
            hint={`Up to ${FLOW_LIMITS.tags.max}, lower-case words joined by hyphens.`}
          >
            <Input
              name="tags"
              value={values.tags}
              onChange={(e) => set("tags", e.target.value)}
              placeholder="merge-conflicts, git"
              autoCapitalize="none"
              spellCheck={false}
            />
          </Field>
        </div>
      </Section>

      <Section
        title="Prompt"
        description="The full instructions a subscriber copies into their agent. Markdown is fine; write inputs as {{variables}}."
      >
        <Field
          id={FIELD_IDS.promptText}
          label="Prompt text"
          error={errorFor(errors, "promptText")}
          hint={<Counter text={values.promptText} min={FLOW_LIMITS.promptText.min} max={FLOW_LIMITS.promptText.max} />}
        >
          <Textarea
            name="promptText"
            rows={14}
            value={values.promptText}
            onChange={(e) => set("promptText", e.target.value)}
            className="font-mono text-[13px] leading-6"
            placeholder={"# Resolve a merge conflict\n\n## Objective\n…"}
            spellCheck={false}
          />
        </Field>
      </Section>

      <Section
        id={FIELD_IDS.steps}
        title="Steps"
        description={`The numbered outline of the flow, ${FLOW_LIMITS.steps.min} to ${FLOW_LIMITS.steps.max} steps.`}
      >
        {errors.steps ? (
          <p role="alert" className="text-sm font-medium text-danger-text">
            {errors.steps}
          </p>
        ) : null}
        <StepsEditor
          steps={steps}
          onChange={setSteps}
          errors={errors}
          onEdited={markEdited}
          onRestructured={() => markEdited("steps:*")}
        />
      </Section>

      <div className="sticky bottom-0 z-10 -mx-4 border-t border-line bg-surface/95 px-4 py-3 backdrop-blur-md sm:bottom-4 sm:mx-0 sm:rounded-xl sm:border sm:px-5 sm:shadow-raised">
        <div className="flex items-center justify-between gap-3">
          <p className="hidden text-xs text-ink-muted sm:block">{statusNote(status)}</p>
          <div className="flex flex-1 flex-wrap justify-end gap-2 sm:flex-none">
            <Link href="/creator/flows" className={buttonClasses({ variant: "ghost" })}>
              Cancel
            </Link>
            {isPublished ? (
              <Button type="submit" name="intent" value="save" loading={pending}>
                Save changes
              </Button>
            ) : (
              <>
                <Button
                  type="submit"
                  name="intent"
                  value="save"
                  variant="secondary"
                  loading={pending && intent === "save"}
                  disabled={pending}
                >
                  {status === "unpublished" ? "Save" : "Save draft"}
                </Button>
                <Button
                  type="submit"
                  name="intent"
                  value="publish"
                  loading={pending && intent === "publish"}
                  disabled={pending}
                >
                  Publish
                </Button>
              </>
            )}
          </div>
        </div>
      </div>
    </form>
  );
}

function statusNote(status: FlowStatus | undefined): string {
  switch (status) {
    case "published":
      return "Published: changes go live as soon as you save.";
    case "unpublished":
      return "Unpublished: hidden from the catalogue until you publish it again (that does not use a new publish).";
    case "draft":
      return "Draft: only you can see it. Publishing uses one of this month's publishes.";
    default:
      return "Save a draft to finish later, or publish it to the catalogue now.";
  }
}

/** Form value -> the schema field whose error it fixes. */
const ERROR_KEY_OF: Partial<Record<keyof FlowFormValues, string>> = { access: "isPremium", otherAgents: "agents" };
