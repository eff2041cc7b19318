import { FLOW_MARKDOWN_EXAMPLE } from "@/lib/publishing/markdown-flow";

/** How to write an importable file: the Markdown format (documented in lib/publishing/markdown-flow.ts) and JSON. */
export function FormatHelp() {
  return (
    <details className="group rounded-xl border border-line bg-surface p-5 text-sm shadow-card sm:p-6">
      <summary className="font-semibold text-ink marker:text-ink-subtle">File format</summary>
      <div className="mt-3 flex flex-col gap-3 text-ink-muted">
        <p>
          <strong className="text-ink">Markdown (.md):</strong> front matter between two <code>---</code> lines with{" "}
          <code>title</code>, <code>summary</code>, <code>agents</code>, <code>sites</code> and <code>tags</code>{" "}
          (comma-separated), <code>category</code> and <code>premium: true</code> or <code>false</code>. Everything
          below it is the prompt text. The steps are the numbered items under <code>## Steps</code>, written{" "}
          <code>1. **Title**: what to do</code> or <code>1. Title — what to do</code>; lines under an item continue its
          text.
        </p>
        <pre className="overflow-x-auto rounded-lg bg-surface-sunken p-3 font-mono text-xs leading-5 text-ink">
          {FLOW_MARKDOWN_EXAMPLE}
        </pre>
        <p>
          <strong className="text-ink">JSON (.json):</strong> one object with <code>title</code>, <code>summary</code>,{" "}
          <code>promptText</code>, <code>steps</code> (a list of <code>{'{ "title", "body" }'}</code>),{" "}
          <code>agents</code>, <code>sites</code>, <code>tags</code> (lists), <code>category</code> and{" "}
          <code>isPremium</code> (true or false).
        </p>
      </div>
    </details>
  );
}
