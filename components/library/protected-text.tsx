import type { ReactNode } from "react";

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
      <Tag key={blocks.length} className={list.ordered ? "list-decimal space-y-1.5 pl-6" : "list-disc space-y-1.5 pl-6"}>
        {list.items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </Tag>,
    );
    list = null;
  };
  for (const raw of text.split("\n")) {
    const line = raw.trimEnd();
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push(
        <h3 key={blocks.length} className="mt-6 text-base font-semibold text-ink first:mt-0">
          {heading[1]}
        </h3>,
      );
    } else if (bullet || numbered) {
      const ordered = Boolean(numbered);
      if (list && list.ordered !== ordered) flush();
      list ??= { ordered, items: [] };
      list.items.push((bullet ?? numbered)![1]!);
    } else if (line.trim() === "") {
      flush();
    } else {
      flush();
      blocks.push(
        <p key={blocks.length} className="leading-7">
          {line}
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
