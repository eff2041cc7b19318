export type SeedCreator = { handle: string; name: string; email: string; bio: string };

export type SeedStep = { title: string; body: string };

export type SeedFlow = {
  /** unique, lowercase kebab-case, <= 80 chars, derived from the title */
  slug: string;
  /** 8-120 chars */
  title: string;
  /** 1-2 sentences, <= 280 chars */
  summary: string;
  /** one of CATEGORIES */
  category: string;
  /** 1-3 of AGENTS (exact strings) */
  agents: string[];
  /** 1-2 site domains from SITES, e.g. "github.com" */
  sites: string[];
  /** 2-5 lowercase tags */
  tags: string[];
  isPremium: boolean;
  /** a creator's handle */
  creatorHandle: string;
  /** the full instruction text (Markdown) the user copies into the agent; <= 20,000 chars */
  promptText: string;
  /** 3-10 structured steps; step titles are public, bodies are premium */
  steps: SeedStep[];
  /** 0-400, integer, for realistic "newest" ordering */
  publishedDaysAgo: number;
};
