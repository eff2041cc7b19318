/**
 * Deterministic composer for the bulk of the seed catalogue.
 *
 * Each template in ./templates describes one kind of task with slots ({site}, {product}, ...). The composer expands
 * every template into its slot combinations, shuffles them with a seeded PRNG, and takes them round-robin across
 * templates so the catalogue stays varied. No unseeded randomness: the same seed gives the same catalogue in every process.
 */
import { DEMO_CREATOR } from "./creators";
import { renderPrompt, slugify, toSteps, type FlowParts } from "./render";
import { ALL_TEMPLATES, type FlowTemplate } from "./templates";
import type { SeedFlow } from "./types";
import { siteInfo } from "./vocabulary";

const GENERATOR_SEED = 0x5eed2025;
const GENERATED_COUNT = 205;
/** The demo creator should own about a dozen flows in total (hand-written included). */
const DEMO_CREATOR_TARGET = 12;
/** Every FREE_EVERY-th generated flow is free (offset FREE_OFFSET): 20%. */
const FREE_EVERY = 5;
const FREE_OFFSET = 3;

export type Rng = () => number;

/** mulberry32: tiny, fast, good-enough 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

type Combo = Record<string, string>;

/** All slot combinations of a template: explicit combos, or sites x sites2 x vars (unordered site pairs once). */
export function expandCombos(t: FlowTemplate): Combo[] {
  if (t.combos) return t.combos.map((c) => ({ ...c }));
  let combos: Combo[] = [];
  const seenPairs = new Set<string>();
  for (const site of t.sites ?? []) {
    for (const site2 of t.sites2 ?? [undefined]) {
      if (site2 === site) continue;
      if (site2) {
        const pair = [site, site2].sort().join("|");
        if (seenPairs.has(pair)) continue;
        seenPairs.add(pair);
      }
      combos.push(site2 ? { site, site2 } : { site });
    }
  }
  for (const [key, values] of Object.entries(t.vars ?? {})) {
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  }
  return combos;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "a" or "an" for a phrase, by sound for the few initialisms the templates use. */
export function withArticle(phrase: string): string {
  const anByLetter = /^(?:[aeiou]|x\b|x \(|hr\b|mba\b|seo\b|sms\b)/i;
  const aDespiteVowel = /^(?:u[sx]\b|uni|use|one\b|euro)/i;
  const an = anByLetter.test(phrase) && !aDespiteVowel.test(phrase);
  return `${an ? "an" : "a"} ${phrase}`;
}

/** Build the slot context for one combination: site names, domains and var values. */
function slotContext(combo: Combo): Record<string, string> {
  const { site, site2, ...vars } = combo;
  if (!site) throw new Error("Template combination without a site");
  const ctx: Record<string, string> = { ...vars };
  const s1 = siteInfo(site);
  Object.assign(ctx, { site: s1.name, Site: capitalise(s1.name), domain: s1.domain });
  if (site2) {
    const s2 = siteInfo(site2);
    Object.assign(ctx, { site2: s2.name, Site2: capitalise(s2.name), domain2: s2.domain });
  }
  // Every slot also has an `a_` form with the right indefinite article: {a_site} -> "an eBay".
  for (const [key, value] of Object.entries(ctx)) ctx[`a_${key}`] = withArticle(value);
  return ctx;
}

/** Replace single-brace {slots}; leave double-brace {{inputs}} alone. Unknown slots are a bug in the template. */
export function fillSlots(text: string, ctx: Record<string, string>, templateId: string): string {
  return text.replace(/(?<!\{)\{(\w+)\}(?!\})/g, (_m, key: string) => {
    const value = ctx[key];
    if (value === undefined) throw new Error(`Template ${templateId}: unknown slot {${key}} in "${text}"`);
    return value;
  });
}

function pickAgents(t: FlowTemplate, rng: Rng): string[] {
  const r = rng();
  const n = Math.min(t.agents.length, r < 0.2 ? 1 : r < 0.65 ? 2 : 3);
  return shuffle(t.agents, rng).slice(0, n);
}

function buildTags(t: FlowTemplate, combo: Combo): string[] {
  const tags = [...t.tags, siteInfo(combo.site).tag];
  if (combo.site2) tags.push(siteInfo(combo.site2).tag);
  return [...new Set(tags)].slice(0, 5);
}

function pickCreator(t: FlowTemplate, counts: Map<string, number>): string {
  let best: string | undefined;
  for (const handle of t.creators) {
    const n = counts.get(handle) ?? 0;
    if (handle === DEMO_CREATOR.handle && n >= DEMO_CREATOR_TARGET) continue;
    if (best === undefined || n < (counts.get(best) ?? 0)) best = handle;
  }
  // Only the demo creator can be skipped, so a template whose sole creator is capped falls back to it anyway.
  return best ?? t.creators[0];
}

function composeOne(t: FlowTemplate, combo: Combo, rng: Rng): Omit<SeedFlow, "isPremium" | "creatorHandle"> {
  const ctx = slotContext(combo);
  const fill = (s: string) => fillSlots(s, ctx, t.id);
  const title = fill(t.title);
  const parts: FlowParts = {
    objective: fill(t.objective),
    prerequisites: t.prerequisites.map(fill),
    inputs: t.inputs.map(([name, desc]) => [name, fill(desc)] as [string, string]),
    steps: t.steps.map(([st, body]) => [fill(st), fill(body)] as [string, string]),
    failures: t.failures.map(fill),
    safety: t.safety.map(fill),
  };
  return {
    slug: slugify(title),
    title,
    summary: fill(t.summary),
    category: t.category,
    agents: pickAgents(t, rng),
    sites: combo.site2 ? [combo.site, combo.site2] : [combo.site],
    tags: buildTags(t, combo),
    promptText: renderPrompt(title, parts),
    steps: toSteps(parts),
    publishedDaysAgo: Math.floor(rng() * 401),
  };
}

/**
 * Compose `count` flows whose titles and slugs do not collide with `existing` (the hand-written flows) or each
 * other. Creator assignment balances load across each template's plausible creators, counting `existing` too.
 */
export function generateFlows(
  existing: readonly SeedFlow[],
  count = GENERATED_COUNT,
  seed = GENERATOR_SEED,
): SeedFlow[] {
  const rng = mulberry32(seed);
  const titles = new Set(existing.map((f) => f.title.toLowerCase()));
  const slugs = new Set(existing.map((f) => f.slug));
  const creatorCounts = new Map<string, number>();
  for (const f of existing) creatorCounts.set(f.creatorHandle, (creatorCounts.get(f.creatorHandle) ?? 0) + 1);

  const queues = ALL_TEMPLATES.map((t) => ({ t, combos: shuffle(expandCombos(t), rng) }));
  const out: SeedFlow[] = [];
  const maxRounds = Math.max(...queues.map((q) => q.combos.length));
  for (let round = 0; round < maxRounds && out.length < count; round++) {
    for (const { t, combos } of queues) {
      if (out.length >= count) break;
      const combo = combos[round];
      if (!combo) continue;
      const flow = composeOne(t, combo, rng);
      if (titles.has(flow.title.toLowerCase()) || slugs.has(flow.slug)) continue;
      titles.add(flow.title.toLowerCase());
      slugs.add(flow.slug);
      const creatorHandle = pickCreator(t, creatorCounts);
      creatorCounts.set(creatorHandle, (creatorCounts.get(creatorHandle) ?? 0) + 1);
      const isPremium = out.length % FREE_EVERY !== FREE_OFFSET;
      out.push({ ...flow, isPremium, creatorHandle });
    }
  }
  if (out.length < count) {
    throw new Error(`Seed composer produced only ${out.length} of ${count} flows; add templates or combinations.`);
  }
  return out;
}
