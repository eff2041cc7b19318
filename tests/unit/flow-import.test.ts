import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseFlowFile, type ImportResult } from "@/lib/publishing/import";
import { MAX_IMPORT_BYTES } from "@/lib/publishing/limits";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../fixtures/flows", name));

function errorsOf(result: ImportResult) {
  if (result.ok) throw new Error(`expected errors, got a valid flow: ${result.value.title}`);
  return result.errors;
}

function valueOf(result: ImportResult) {
  if (!result.ok) throw new Error(`expected a valid flow, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** A valid Markdown flow with one front matter line replaced (or removed when `value` is null). */
function markdown(overrides: Record<string, string | null> = {}, body?: string) {
  const front: Record<string, string> = {
    title: "Watch an Amazon price and post to Slack",
    summary: "Checks a product page each morning and posts to Slack when the price drops.",
    agents: "Perplexity Comet",
    category: "Shopping",
    premium: "false",
  };
  const lines = Object.entries({ ...front, ...overrides })
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join("\n")}\n---\n\n${body ?? "Watch the price.\n\n## Steps\n1. **Open the page**: Go to {{url}}.\n"}`;
}

const md = (content: string, name = "flow.md") => parseFlowFile({ name, content });

const validJson = {
  title: "Check a Shopify order's fulfilment status",
  summary: "Looks up an order in Shopify admin and reports its fulfilment status.",
  promptText: "Find the order and report its status.",
  steps: [{ title: "Open the orders list", body: "Go to Orders." }],
  agents: ["ChatGPT Atlas"],
  sites: [],
  tags: [],
  category: "Shopping",
  isPremium: false,
};
const json = (data: unknown) => parseFlowFile({ name: "flow.json", content: JSON.stringify(data) });

describe("parseFlowFile: Markdown", () => {
  it("reads the good fixture: front matter, prompt text and the numbered steps in both styles", () => {
    const flow = valueOf(parseFlowFile({ name: "good-flow.md", content: fixture("good-flow.md") }));
    expect(flow.title).toBe("Turn a Trello board into a weekly release digest");
    expect(flow.summary).toMatch(/^Reads the Done column/);
    // Canonical names from the vocabulary, lower-cased domains and kebab tags.
    expect(flow.agents).toEqual(["Claude for Chrome", "Perplexity Comet"]);
    expect(flow.sites).toEqual(["trello.com", "slack.com"]);
    expect(flow.tags).toEqual(["release-notes", "weekly-digest", "trello"]);
    expect(flow.category).toBe("Productivity");
    expect(flow.isPremium).toBe(true);
    expect(flow.steps.map((s) => s.title)).toEqual([
      "Open the board",
      "Collect the Done cards",
      "Group by label",
      "Write the digest",
      "Post it",
    ]);
    // A continuation line belongs to its step's body.
    expect(flow.steps[1]!.body).toBe(
      "In the Done list, open each card moved there in the last 7 days and note its title, labels and the member who moved it.",
    );
    expect(flow.steps[3]!.body).toMatch(/^One line per card/);
    // The whole body is the prompt text, the Steps section included; the front matter is not.
    expect(flow.promptText).toMatch(/^# Turn a Trello board/);
    expect(flow.promptText).toContain("## Steps");
    expect(flow.promptText).not.toContain("premium:");
  });

  it("accepts quoted values, [a, b] lists, comments and CRLF line endings", () => {
    const content = markdown({ title: '"Watch: an Amazon price, daily"', agents: "[Manus, 'Dia']" }).replace(
      /\n/g,
      "\r\n",
    );
    const flow = valueOf(md(`---\n# comment\n${content.slice(4)}`));
    expect(flow.title).toBe("Watch: an Amazon price, daily");
    expect(flow.agents).toEqual(["Manus", "Dia"]);
  });

  it("missing title: the error names the title field", () => {
    expect(errorsOf(md(markdown({ title: null }))).title).toBe('Add "title:" to the front matter.');
  });

  it("title over 120 characters: the error names the title and its length", () => {
    expect(errorsOf(md(markdown({ title: "x".repeat(121) }))).title).toBe(
      "Keep the title to 120 characters or fewer (it has 121 characters).",
    );
  });

  it("a step without a title/body separator: the error names that step", () => {
    const body = "Prompt.\n\n## Steps\n1. **Open**: Go.\n2. Just a sentence without a separator.\n";
    expect(errorsOf(md(markdown({}, body)))["steps.1"]).toMatch(/^Step 2 has no body/);
  });

  it("a step whose first line is only a title takes its body from the next lines", () => {
    const body =
      "Prompt.\n\n## Steps\n1. **Open the page**\n   Go to {{url}}.\n   Wait for it.\n\n   Then:\n   - check the price\n   - check stock\n";
    expect(valueOf(md(markdown({}, body))).steps).toEqual([
      { title: "Open the page", body: "Go to {{url}}. Wait for it.\n\nThen:\n- check the price\n- check stock" },
    ]);
  });

  it("no Steps section, or an empty one: the error is on steps", () => {
    expect(errorsOf(md(markdown({}, "Just a prompt.\n"))).steps).toMatch(/## Steps/);
    expect(
      errorsOf(md(markdown({}, "Prompt.\n\n## Steps\nNothing numbered.\n## Safety\n1. Not a step — no\n"))).steps,
    ).toMatch(/no numbered items/);
  });

  describe("front matter errors", () => {
    it("no front matter: the error is on the file", () => {
      expect(errorsOf(md("# Just markdown\n\n## Steps\n1. A — b\n")).file).toMatch(/^Start the file with front matter/);
    });

    it("no closing --- line: the error is on the file, with the line", () => {
      expect(errorsOf(md("\n---\ntitle: Something long enough\n")).file).toBe(
        "The front matter that starts on line 2 has no closing --- line.",
      );
    });

    it("an unknown key names the key and its line", () => {
      expect(errorsOf(md(markdown({ titel: "Typo" }))).file).toMatch(/^Unknown front matter key "titel" on line 7/);
    });

    it("a line that is not key: value", () => {
      expect(errorsOf(md("---\ntitle: A long enough title\njust words\n---\nBody\n")).file).toBe(
        'Line 3 of the front matter is not "key: value".',
      );
    });

    it("premium must be true or false", () => {
      expect(errorsOf(md(markdown({ premium: "maybe" }))).isPremium).toBe(
        'Write "premium: true" or "premium: false" (line 6 says "maybe").',
      );
    });

    it("a key given twice", () => {
      const content = markdown().replace("category: Shopping", "category: Shopping\ncategory: Travel");
      expect(errorsOf(md(content)).category).toMatch(/"category" appears twice/);
    });

    it("missing premium and agents", () => {
      const errors = errorsOf(md(markdown({ premium: null, agents: null })));
      expect(errors.isPremium).toBe('Add "premium:" to the front matter.');
      expect(errors.agents).toBe('Add "agents:" to the front matter.');
    });

    it("values that fail the schema name the item: sites.0, tags.1, category", () => {
      const errors = errorsOf(
        md(markdown({ sites: "github.com, not a domain", tags: "ok, C++", category: "Cooking" })),
      );
      expect(errors["sites.1"]).toBe('"not a domain" is not a domain like github.com.');
      expect(errors["tags.1"]).toMatch(/^Tag "c\+\+" must be lower-case words/);
      expect(errors.category).toBe('"Cooking" is not a category; choose one from the list.');
    });
  });

  it("the bad fixture: every problem with its field, plus what could be read for the editor", () => {
    const result = parseFlowFile({ name: "bad-flow.md", content: fixture("bad-flow.md") });
    const errors = errorsOf(result);
    expect(Object.keys(errors).sort()).toEqual(
      ["category", "isPremium", "sites.0", "steps.1", "summary", "tags.1", "title"].sort(),
    );
    expect(errors.title).toBe("Use at least 8 characters for the title.");
    expect(result.ok === false && result.draft?.title).toBe("Short");
  });
});

describe("parseFlowFile: JSON", () => {
  it("reads the good fixture", () => {
    const flow = valueOf(parseFlowFile({ name: "good-flow.json", content: fixture("good-flow.json") }));
    expect(flow).toMatchObject({
      title: "Check a Shopify order's fulfilment status",
      agents: ["ChatGPT Atlas", "Browser Use"],
      sites: ["admin.shopify.com"],
      tags: ["orders", "ecommerce"],
      category: "Shopping",
      isPremium: false,
    });
    expect(flow.steps).toHaveLength(3);
  });

  it("sites and tags may be left out", () => {
    const { sites: _sites, tags: _tags, ...rest } = validJson;
    expect(valueOf(json(rest))).toMatchObject({ sites: [], tags: [] });
  });

  it("missing title", () => {
    const { title: _title, ...rest } = validJson;
    expect(errorsOf(json(rest)).title).toBe("Enter a title.");
  });

  it("title over 120 characters", () => {
    expect(errorsOf(json({ ...validJson, title: "y".repeat(130) })).title).toMatch(
      /120 characters or fewer \(it has 130/,
    );
  });

  it("a bad step names the step and the part: steps.1.title", () => {
    const steps = [...validJson.steps, { title: "", body: "Click." }];
    expect(errorsOf(json({ ...validJson, steps }))["steps.1.title"]).toBe("Enter a step title.");
  });

  it("malformed JSON: the error is on the file", () => {
    expect(errorsOf(parseFlowFile({ name: "flow.json", content: '{ "title": "x", }' })).file).toMatch(
      /^The file is not valid JSON \(/,
    );
  });

  it("JSON that is not an object", () => {
    expect(errorsOf(json([validJson])).file).toMatch(/one object/);
  });

  it("the bad fixture: each field named", () => {
    const result = parseFlowFile({ name: "bad-flow.json", content: fixture("bad-flow.json") });
    expect(errorsOf(result)).toEqual({
      promptText: "Enter the prompt text.",
      "steps.1.title": "Enter a step title.",
      agents: "Choose at least one agent the flow was tested with.",
      isPremium: "Choose Free or Premium.",
    });
    expect(result.ok === false && result.draft?.steps).toEqual([
      { title: "Open the page", body: "Go to the page." },
      { title: "", body: "Click the button." },
    ]);
  });
});

describe("parseFlowFile: the file itself", () => {
  it("over 256 KB: refused on file, before parsing", () => {
    const content = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x20);
    expect(errorsOf(parseFlowFile({ name: "big.md", content }))).toEqual({
      file: "The file is 257 KB; the limit is 256 KB.",
    });
  });

  it("exactly 256 KB is still read", () => {
    const base = markdown();
    const content = base + " ".repeat(MAX_IMPORT_BYTES - new TextEncoder().encode(base).byteLength);
    expect(valueOf(md(content)).title).toBe("Watch an Amazon price and post to Slack");
  });

  it("another extension, an empty file, or bytes that are not UTF-8", () => {
    expect(errorsOf(parseFlowFile({ name: "flow.txt", content: "x" })).file).toBe(
      "Upload a .md or .markdown or .json file.",
    );
    expect(errorsOf(md("  \n")).file).toBe("The file is empty.");
    expect(errorsOf(parseFlowFile({ name: "flow.md", content: new Uint8Array([0xff, 0xfe, 0x00]) })).file).toBe(
      "The file is not UTF-8 text.",
    );
  });
});
