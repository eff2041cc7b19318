import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { CopyIcon, HeartIcon } from "@/components/ui/icons";
import { LogoMark } from "@/components/layout/logo";

const STEPS = [
  "Open the pull request and choose “Resolve conflicts”.",
  "For each file, read both sides of every conflict before editing.",
  "Keep the change the pull request intends; delete the conflict markers.",
  "Mark each file as resolved, then commit the merge.",
];

/** A decorative, static picture of a flow as the reader shows it. Not interactive. */
export function FlowPreview() {
  return (
    <figure className="relative mx-auto w-full max-w-lg lg:max-w-none">
      <div aria-hidden="true" className="absolute -inset-6 rounded-[2rem] bg-accent-soft opacity-70 blur-2xl" />
      <div
        aria-hidden="true"
        className="relative overflow-hidden rounded-2xl border border-line bg-surface shadow-raised"
      >
        <div className="flex items-end gap-2 border-b border-line bg-surface-muted px-3 pt-3">
          <div className="-mb-px flex min-w-0 items-center gap-2 rounded-t-lg border border-b-surface border-line bg-surface px-3 py-2 text-xs font-medium text-ink">
            <LogoMark size={14} />
            <span className="truncate">Resolve a merge conflict</span>
          </div>
          <div className="hidden truncate pb-2 font-mono text-[11px] text-ink-subtle sm:block">
            github.com/acme/api/pull/482
          </div>
        </div>

        <div className="p-5 sm:p-6">
          <div className="flex flex-wrap items-center gap-2">
            <Badge variant="premium">Premium</Badge>
            <Badge>github.com</Badge>
            <Badge>Developer tools</Badge>
          </div>
          <p className="mt-3 text-lg font-semibold tracking-tight text-ink">
            Resolve a GitHub merge conflict in the web editor
          </p>
          <p className="mt-1 text-sm text-ink-muted">Tested with Comet, Atlas and Claude for Chrome · by @mira</p>

          <ol className="mt-5 flex flex-col gap-3">
            {STEPS.map((step, i) => (
              <li key={step} className="flex gap-3 text-sm text-ink">
                <span className="flex size-6 shrink-0 items-center justify-center rounded-md border border-line bg-surface-muted font-mono text-[11px] text-ink-muted">
                  {String(i + 1).padStart(2, "0")}
                </span>
                <span className="pt-0.5">{step}</span>
              </li>
            ))}
            <li className="flex gap-3 rounded-lg border border-dashed border-warning-text/30 bg-warning-soft/60 p-2.5 text-sm text-ink">
              <span className="flex h-6 shrink-0 items-center font-mono text-[11px] font-medium text-warning-text uppercase">
                Stop if
              </span>
              <span className="pt-0.5 text-ink-muted">a conflict touches a lockfile or generated code: ask first.</span>
            </li>
          </ol>

          <div className="mt-6 flex items-center justify-between gap-4 border-t border-line pt-4">
            <div className="flex items-center gap-3 font-mono text-xs text-ink-subtle">
              <span>2,418 copies</span>
              <span className="inline-flex items-center gap-1">
                <HeartIcon size={12} /> 311
              </span>
            </div>
            <span className={buttonClasses({ size: "sm" })}>
              <CopyIcon size={14} /> Copy flow
            </span>
          </div>
        </div>
      </div>
      <figcaption className="sr-only">
        An example flow as subscribers see it: its title, the sites and agents it was tested with, numbered steps, a
        stop condition, and a Copy button.
      </figcaption>
    </figure>
  );
}
