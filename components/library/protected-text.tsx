import type { ReactNode } from "react";

/** **bold** and `code` inside a line, the only inline Markdown our flows use. */
function inline(text: string): ReactNode[] {
  return text.split(/(\*\*[^*]+\*\*|`[^`]+`)/g).map((part, i) => {
    if (part.startsWith("**") && part.endsWith("**") && part.length > 4) {
      return (
        <strong key={i} className="font-semibold text-ink">
          {part.slice(2, -2)}
        </strong>
      );
    }
    if (part.startsWith("`") && part.endsWith("`") && part.length > 2) {
      return (
        <code key={i} className="rounded bg-surface-muted px-1 font-mono text-[13px] text-ink">
          {part.slice(1, -1)}
        </code>
      );
    }
    return part;
  });
}

/**
 * The premium text, rendered to read well but not to be selected: a deterrent, not DRM (the Copy button is
 * the way to take it, and the server is the real gate). Handles the Markdown our flows use: ## headings,
 * "- " and "1. " list items, paragraphs.
 */
export function ProtectedText({ text }: { text: string }) {
  const blocks: ReactNode[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flush = () => {
    if (!list) return;
    const Tag = list.ordered ? "ol" : "ul";
    blocks.push(
      <Tag
        key={blocks.length}
        className={list.ordered ? "list-decimal space-y-1.5 pl-6" : "list-disc space-y-1.5 pl-6"}
      >
        {list.items.map((item, i) => (
          <li key={i}>{inline(item)}</li>
        ))}
      </Tag>,
    );
    list = null;
  };
  for (const raw of text.split("\n")) {
    const line = raw.trimEnd();
    // `s`: `.` also matches U+2028, so `(.*)$` never backtracks into `\s+` (quadratic on a long line).
    const heading = /^#{1,6}\s+(.*)$/s.exec(line);
    // The page already shows the flow's title; a leading "# Title" line would repeat it.
    if (blocks.length === 0 && !list && /^#\s/.test(line)) continue;
    const bullet = /^\s*[-*]\s+(.*)$/s.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/s.exec(line);
    const item = bullet ?? numbered;
    if (heading) {
      flush();
      blocks.push(
        <h3 key={blocks.length} className="mt-6 text-base font-semibold text-ink first:mt-0">
          {inline(heading[1] ?? "")}
        </h3>,
      );
    } else if (item) {
      const ordered = Boolean(numbered);
      if (list && list.ordered !== ordered) flush();
      list ??= { ordered, items: [] };
      list.items.push(item[1] ?? "");
    } else if (line.trim() === "") {
      flush();
    } else {
      flush();
      blocks.push(
        <p key={blocks.length} className="leading-7">
          {inline(line)}
        </p>,
      );
    }
  }
  flush();
  return (
    <div
      className="flex flex-col gap-3 text-[15px] text-ink-muted select-none [-webkit-touch-callout:none] [&_li]:leading-7"
      data-protected-reader
      draggable={false}
    >
      {blocks}
    </div>
  );
}
