import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  AGENTS,
  buildCatalog,
  CATEGORIES,
  CREATORS,
  handwrittenFlows,
  PROMPT_SECTIONS,
  SITES,
  slugify,
  type SeedFlow,
} from "../../db/seed/content";
import { expandCombos, fillSlots, generateFlows, mulberry32, withArticle } from "../../db/seed/content/generated";
import { ALL_TEMPLATES } from "../../db/seed/content/templates";

const CONTENT_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../db/seed/content");
const catalog = buildCatalog();
const handwritten = handwrittenFlows();

function sentenceCount(text: string): number {
  return text
    .replace(/\b(e\.g|i\.e|etc|vs)\./g, "$1")
    .split(/[.!?](?:\s|$)/)
    .filter((s) => s.trim().length > 0).length;
}

function sectionOf(flow: SeedFlow, heading: string): string {
  const start = flow.promptText.indexOf(heading);
  if (start < 0) return "";
  const rest = flow.promptText.slice(start + heading.length);
  const next = rest.search(/\n## /);
  return next < 0 ? rest : rest.slice(0, next);
}

function listSourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listSourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

describe("seed vocabulary", () => {
  it("has enough agents, sites and categories, without duplicates", () => {
    expect(AGENTS.length).toBeGreaterThanOrEqual(8);
    expect(SITES.length).toBeGreaterThanOrEqual(45);
    expect(CATEGORIES.length).toBeGreaterThanOrEqual(12);
    for (const list of [AGENTS, SITES, CATEGORIES]) expect(new Set(list).size).toBe(list.length);
  });

  it("includes the agents, sites and categories the product names", () => {
    for (const a of [
      "Perplexity Comet",
      "ChatGPT Atlas",
      "Opera Neon",
      "Manus",
      "Browser Use",
      "Playwright MCP",
      "Claude for Chrome",
      "Gemini in Chrome",
    ]) {
      expect(AGENTS).toContain(a);
    }
    for (const s of [
      "github.com",
      "amazon.com",
      "x.com",
      "linkedin.com",
      "notion.so",
      "docs.google.com",
      "airbnb.com",
    ]) {
      expect(SITES).toContain(s);
    }
    for (const c of [
      "Developer tools",
      "Shopping",
      "Research",
      "Social media",
      "Productivity",
      "Travel",
      "Finance",
      "Recruiting",
      "Sales & CRM",
      "Support",
      "Marketing",
      "Data extraction",
    ]) {
      expect(CATEGORIES).toContain(c);
    }
  });

  it("uses plain domains for sites", () => {
    for (const s of SITES) expect(s).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });
});

describe("seed creators", () => {
  it("has at least 14 creators with unique handles and emails", () => {
    expect(CREATORS.length).toBeGreaterThanOrEqual(14);
    expect(new Set(CREATORS.map((c) => c.handle)).size).toBe(CREATORS.length);
    expect(new Set(CREATORS.map((c) => c.email)).size).toBe(CREATORS.length);
  });

  it("has exactly one demo creator, Casey Rivera, at creator@flowtab.dev", () => {
    const demo = CREATORS.filter((c) => c.email === "creator@flowtab.dev");
    expect(demo).toHaveLength(1);
    expect(demo[0]).toMatchObject({ handle: "demo-creator", name: "Casey Rivera" });
  });

  it("gives every other creator a handle@creators.flowtab.dev email, a name and a short bio", () => {
    for (const c of CREATORS) {
      expect(c.handle).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(c.name.trim().length).toBeGreaterThan(3);
      expect(c.bio.length).toBeGreaterThan(40);
      expect(sentenceCount(c.bio)).toBeLessThanOrEqual(2);
      if (c.handle !== "demo-creator") expect(c.email).toBe(`${c.handle}@creators.flowtab.dev`);
    }
  });
});

describe("seed catalogue: size and mix", () => {
  it("has at least 220 flows, of which at least 30 are hand-written", () => {
    expect(catalog.length).toBeGreaterThanOrEqual(220);
    expect(handwritten.length).toBeGreaterThanOrEqual(30);
    expect(catalog.length - handwritten.length).toBeGreaterThanOrEqual(190);
    expect(catalog.slice(0, handwritten.length)).toEqual(handwritten);
  });

  it("is about 20% free overall (17-25%) and in the hand-written set", () => {
    const ratio = (flows: SeedFlow[]) => flows.filter((f) => !f.isPremium).length / flows.length;
    expect(ratio(catalog)).toBeGreaterThanOrEqual(0.17);
    expect(ratio(catalog)).toBeLessThanOrEqual(0.25);
    expect(ratio(handwritten)).toBeGreaterThanOrEqual(0.15);
    expect(ratio(handwritten)).toBeLessThanOrEqual(0.3);
  });

  it("uses at least 8 agents, 40 sites and 12 categories", () => {
    expect(new Set(catalog.flatMap((f) => f.agents)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(catalog.flatMap((f) => f.sites)).size).toBeGreaterThanOrEqual(40);
    expect(new Set(catalog.map((f) => f.category)).size).toBeGreaterThanOrEqual(12);
  });

  it("gives every creator at least 5 flows, and the demo creator about 12 with both free and premium", () => {
    const byCreator = new Map<string, SeedFlow[]>();
    for (const f of catalog) byCreator.set(f.creatorHandle, [...(byCreator.get(f.creatorHandle) ?? []), f]);
    for (const c of CREATORS) expect(byCreator.get(c.handle)?.length ?? 0, c.handle).toBeGreaterThanOrEqual(5);
    const demo = byCreator.get("demo-creator") ?? [];
    expect(demo.length).toBeGreaterThanOrEqual(10);
    expect(demo.length).toBeLessThanOrEqual(14);
    expect(demo.some((f) => f.isPremium)).toBe(true);
    expect(demo.some((f) => !f.isPremium)).toBe(true);
  });
});

describe("seed catalogue: every flow is well formed", () => {
  const creatorHandles = new Set(CREATORS.map((c) => c.handle));

  it("has unique slugs and titles", () => {
    expect(new Set(catalog.map((f) => f.slug)).size).toBe(catalog.length);
    expect(new Set(catalog.map((f) => f.title.toLowerCase())).size).toBe(catalog.length);
  });

  // One test per rule, each over every flow (the slug in the message says which one broke it).
  const rules: [string, (f: SeedFlow) => void][] = [
    [
      "a slug derived from the title, lowercase with hyphens, at most 80 characters",
      (f) => {
        expect(f.slug, f.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(f.slug.length, f.slug).toBeLessThanOrEqual(80);
        expect(f.slug, f.slug).toBe(slugify(f.title));
      },
    ],
    [
      "a title of 8-120 characters and a summary of one or two sentences (21-280 characters)",
      (f) => {
        expect(f.title.length, f.slug).toBeGreaterThanOrEqual(8);
        expect(f.title.length, f.slug).toBeLessThanOrEqual(120);
        expect(f.summary.length, f.slug).toBeGreaterThan(20);
        expect(f.summary.length, f.slug).toBeLessThanOrEqual(280);
        expect(sentenceCount(f.summary), f.slug).toBeGreaterThanOrEqual(1);
        expect(sentenceCount(f.summary), f.slug).toBeLessThanOrEqual(2);
      },
    ],
    [
      "a known category, 1-3 known agents, 1-2 known sites and 2-5 slug-like tags, none repeated",
      (f) => {
        expect(CATEGORIES, f.slug).toContain(f.category);
        expect(f.agents.length, f.slug).toBeGreaterThanOrEqual(1);
        expect(f.agents.length, f.slug).toBeLessThanOrEqual(3);
        expect(new Set(f.agents).size, f.slug).toBe(f.agents.length);
        for (const a of f.agents) expect(AGENTS, f.slug).toContain(a);
        expect(f.sites.length, f.slug).toBeGreaterThanOrEqual(1);
        expect(f.sites.length, f.slug).toBeLessThanOrEqual(2);
        expect(new Set(f.sites).size, f.slug).toBe(f.sites.length);
        for (const s of f.sites) expect(SITES, f.slug).toContain(s);
        expect(f.tags.length, f.slug).toBeGreaterThanOrEqual(2);
        expect(f.tags.length, f.slug).toBeLessThanOrEqual(5);
        expect(new Set(f.tags).size, f.slug).toBe(f.tags.length);
        for (const t of f.tags) expect(t, f.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      },
    ],
    [
      "an access flag, a known creator and a publication 0-400 whole days ago",
      (f) => {
        expect(typeof f.isPremium, f.slug).toBe("boolean");
        expect(creatorHandles.has(f.creatorHandle), f.slug).toBe(true);
        expect(Number.isInteger(f.publishedDaysAgo), f.slug).toBe(true);
        expect(f.publishedDaysAgo, f.slug).toBeGreaterThanOrEqual(0);
        expect(f.publishedDaysAgo, f.slug).toBeLessThanOrEqual(400);
      },
    ],
    [
      "a prompt of 501-20,000 characters and 3-10 steps, each with a title and a body",
      (f) => {
        expect(f.promptText.length, f.slug).toBeGreaterThan(500);
        expect(f.promptText.length, f.slug).toBeLessThanOrEqual(20_000);
        expect(f.steps.length, f.slug).toBeGreaterThanOrEqual(3);
        expect(f.steps.length, f.slug).toBeLessThanOrEqual(10);
        for (const step of f.steps) {
          expect(step.title.trim().length, f.slug).toBeGreaterThan(2);
          expect(step.body.trim().length, f.slug).toBeGreaterThan(20);
        }
      },
    ],
  ];

  it.each(rules)("every flow has %s", (_rule, check) => {
    expect(catalog.length).toBeGreaterThan(0);
    for (const f of catalog) check(f);
  });
});

describe("seed catalogue: prompt text", () => {
  it("has all six Markdown sections, in order, in at least 30 flows (in fact all of them)", () => {
    const complete = catalog.filter((f) => {
      const positions = PROMPT_SECTIONS.map((h) => f.promptText.indexOf(`\n${h}\n`));
      return positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]));
    });
    expect(complete.length).toBeGreaterThanOrEqual(30);
    expect(complete.length).toBe(catalog.length);
    for (const f of handwritten) expect(complete).toContainEqual(f);
  });

  it("mirrors the steps array in the numbered Steps section", () => {
    for (const f of catalog) {
      const section = sectionOf(f, "## Steps");
      f.steps.forEach((s, i) => expect(section).toContain(`${i + 1}. **${s.title}.** ${s.body}`));
      expect(section).not.toContain(`${f.steps.length + 1}. **`);
    }
  });

  it("declares every {{variable}} under Inputs with a description, and uses each one", () => {
    for (const f of catalog) {
      const inputs = sectionOf(f, "## Inputs");
      const declared = [...inputs.matchAll(/^- `\{\{([a-z][a-z0-9_]*)\}\}`: (.+)$/gm)];
      expect(declared.length, f.slug).toBeGreaterThanOrEqual(1);
      for (const d of declared) expect(d[2].trim().length).toBeGreaterThan(5);
      const names = new Set(declared.map((d) => d[1]));
      const used = new Set([...f.promptText.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]));
      for (const u of used) expect(names.has(u), `${f.slug}: {{${u}}} is not declared`).toBe(true);
    }
  });

  it("covers failure handling and safety with real content", () => {
    for (const f of catalog) {
      expect(sectionOf(f, "## If something goes wrong").match(/^- /gm)?.length ?? 0).toBeGreaterThanOrEqual(2);
      expect(sectionOf(f, "## Safety").match(/^- /gm)?.length ?? 0).toBeGreaterThanOrEqual(2);
      expect(sectionOf(f, "## Prerequisites").match(/^- /gm)?.length ?? 0).toBeGreaterThanOrEqual(1);
      expect(sectionOf(f, "## Objective").trim().length).toBeGreaterThan(40);
    }
  });

  it("contains no placeholder text or unfilled template slots", () => {
    for (const f of catalog) {
      const text = JSON.stringify(f);
      expect(text.toLowerCase()).not.toContain("lorem");
      expect(text.toLowerCase()).not.toContain("ipsum");
      expect(text).not.toMatch(/step \d+ description/i);
      expect(text).not.toMatch(/(?<!\{)\{[A-Za-z_]\w*\}(?!\})/);
      expect(text).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]/);
      // Composed titles get their indefinite articles right ("an eBay", "a Target").
      expect(f.title).not.toMatch(/\ba (?!one\b|u)[aeiou]/i);
      expect(f.title).not.toMatch(/\ban (?![aeiou]|npm\b|x\b)/i);
    }
  });
});

describe("seed catalogue: determinism", () => {
  it("returns deep-equal output on every call", () => {
    expect(buildCatalog()).toEqual(buildCatalog());
    expect(buildCatalog()).toEqual(catalog);
  });

  it("returns fresh objects, so callers cannot corrupt later calls", () => {
    const first = buildCatalog();
    first[0].title = "mutated";
    first[0].tags.push("mutated");
    expect(buildCatalog()[0]).toEqual(catalog[0]);
  });

  it("uses a seeded PRNG with fixed output, never Math.random", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    // Known mulberry32 outputs for seed 42: the same in every process and platform.
    expect(seqA[0]).toBeCloseTo(0.6011037519201636, 12);
    expect(seqA[1]).toBeCloseTo(0.44829055899754167, 12);
    for (const file of listSourceFiles(CONTENT_DIR)) {
      expect(readFileSync(file, "utf8"), file).not.toMatch(/Math\.random|Date\.now|new Date\(/);
    }
  });

  it("gives the same generated flows for the same seed and different ones for another seed", () => {
    expect(generateFlows(handwritten)).toEqual(generateFlows(handwritten));
    expect(generateFlows(handwritten, 50, 7).map((f) => f.slug)).not.toEqual(
      generateFlows(handwritten)
        .slice(0, 50)
        .map((f) => f.slug),
    );
  });
});

describe("seed composer internals", () => {
  it("expands every template into at least 3 combinations with known sites", () => {
    const ids = new Set<string>();
    for (const t of ALL_TEMPLATES) {
      expect(ids.has(t.id), t.id).toBe(false);
      ids.add(t.id);
      const combos = expandCombos(t);
      expect(combos.length, t.id).toBeGreaterThanOrEqual(3);
      for (const c of combos) {
        expect(SITES).toContain(c.site);
        if (c.site2) {
          expect(SITES).toContain(c.site2);
          expect(c.site2).not.toBe(c.site);
        }
      }
      for (const a of t.agents) expect(AGENTS).toContain(a);
      for (const h of t.creators) expect(CREATORS.map((c) => c.handle)).toContain(h);
      expect(t.steps.length).toBeGreaterThanOrEqual(3);
      expect(t.steps.length).toBeLessThanOrEqual(10);
    }
  });

  it("fills single-brace slots, keeps {{inputs}}, and rejects unknown slots", () => {
    expect(fillSlots("Open {site} and paste {{url}}", { site: "GitHub" }, "t")).toBe("Open GitHub and paste {{url}}");
    expect(() => fillSlots("Open {nope}", { site: "GitHub" }, "t")).toThrow(/unknown slot/);
  });

  it("picks the right indefinite article", () => {
    expect(withArticle("eBay")).toBe("an eBay");
    expect(withArticle("Target")).toBe("a Target");
    expect(withArticle("operations")).toBe("an operations");
    expect(withArticle("UX designer")).toBe("a UX designer");
  });

  it("derives slugs from titles", () => {
    expect(slugify("Compare Booking.com & Airbnb prices")).toBe("compare-booking-com-and-airbnb-prices");
    expect(slugify("Prioritise new bug reports in Zendesk by urgency")).toBe(
      "prioritise-new-bug-reports-in-zendesk-by-urgency",
    );
    expect(slugify("Tomás's très long title ".repeat(8)).length).toBeLessThanOrEqual(80);
  });
});
