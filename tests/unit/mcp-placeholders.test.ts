import { describe, expect, it } from "vitest";
import { peopleFlows } from "@/db/seed/content/handwritten/people";
import { extractFlowInputs, fillFlowInputs } from "@/lib/mcp/placeholders";

describe("extractFlowInputs", () => {
  it("lists each placeholder once, in order of first appearance, with its Inputs description", () => {
    const text = [
      "Go to {{site}} and find {{ item }}.",
      "## Inputs",
      "- `{{item}}`: What to look for.",
      "- {{site}} — The website.",
      "* `{{limit}}` - How many results.",
      "Stop after {{limit}} results on {{site}}.",
    ].join("\n");
    expect(extractFlowInputs(text)).toEqual([
      { name: "site", description: "The website." },
      { name: "item", description: "What to look for." },
      { name: "limit", description: "How many results." },
    ]);
  });

  it("finds no inputs in text without placeholders, and ignores malformed braces", () => {
    expect(extractFlowInputs("Plain text, { single } braces, {{}} and {{1abc}} and {{a b}}.")).toEqual([]);
  });

  it("describes the seed's hand-written flows from their Inputs section", () => {
    const flow = peopleFlows.find((f) => f.promptText.includes("{{must_haves}}"));
    expect(flow).toBeDefined();
    expect(extractFlowInputs(flow?.promptText ?? "")).toEqual([
      { name: "count", description: "How many prospects to add (suggested 20)." },
      { name: "role", description: "Role title and level, e.g. Senior Backend Engineer (Go)." },
      { name: "job_name", description: "Exact Greenhouse job name." },
      {
        name: "must_haves",
        description: 'Three to five requirements, e.g. "5+ yrs Go, payments domain, based in EU".',
      },
    ]);
  });
});

describe("fillFlowInputs", () => {
  const text = "Open {{url}}. If below {{ target }}, post {{url}} to {{channel}}.";

  it("fills every occurrence, with or without spaces inside the braces", () => {
    expect(fillFlowInputs(text, { url: "https://a.example/x", target: "$20", channel: "#deals" })).toBe(
      "Open https://a.example/x. If below $20, post https://a.example/x to #deals.",
    );
  });

  it("leaves placeholders without a value (missing, empty or blank) for the agent to ask about", () => {
    expect(fillFlowInputs(text, { url: "u", target: "", channel: "   " })).toBe(
      "Open u. If below {{ target }}, post u to {{channel}}.",
    );
  });

  it("inserts values as written: no recursive expansion, no $-patterns, unknown names change nothing", () => {
    expect(fillFlowInputs(text, { url: "{{channel}}", target: "$& $1 $$", channel: "c", other: "x" })).toBe(
      "Open {{channel}}. If below $& $1 $$, post {{channel}} to c.",
    );
  });

  it("does not treat inherited object keys as values", () => {
    expect(fillFlowInputs("{{constructor}} {{toString}}", {})).toBe("{{constructor}} {{toString}}");
  });
});
