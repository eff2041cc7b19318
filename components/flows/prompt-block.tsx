/** A free flow's prompt text, readable and selectable (premium text never reaches this component). */
export function PromptBlock({ text }: { text: string }) {
  return (
    <div className="overflow-hidden rounded-xl border border-line bg-surface-muted">
      {/* Focusable so keyboard users can scroll a long prompt. */}
      <pre
        tabIndex={0}
        aria-label="Prompt text"
        className="max-h-[32rem] overflow-auto p-4 font-mono text-[13px] leading-6 whitespace-pre-wrap text-ink outline-none focus-visible:ring-2 focus-visible:ring-focus sm:p-5"
      >
        {text}
      </pre>
    </div>
  );
}
