import { CREATORS } from "./creators";
import { generateFlows } from "./generated";
import { developerFlows } from "./handwritten/developer";
import { peopleFlows } from "./handwritten/people";
import { productivityFlows } from "./handwritten/productivity";
import { researchGovFlows } from "./handwritten/research-gov";
import { shoppingFlows } from "./handwritten/shopping";
import { socialFlows } from "./handwritten/social";
import { travelFinanceFlows } from "./handwritten/travel-finance";
import type { SeedFlow } from "./types";
import { AGENTS, CATEGORIES, SITES } from "./vocabulary";

export { CREATORS, AGENTS, SITES, CATEGORIES };
export { PROMPT_SECTIONS, slugify } from "./render";
export type { SeedFlow } from "./types";

/** Flows written out in full by hand, in a fixed order. */
export function handwrittenFlows(): SeedFlow[] {
  return structuredClone([
    ...developerFlows,
    ...shoppingFlows,
    ...socialFlows,
    ...productivityFlows,
    ...travelFinanceFlows,
    ...peopleFlows,
    ...researchGovFlows,
  ]);
}

/** The full seed catalogue: hand-written flows first, then the composed ones. Same output on every call. */
export function buildCatalog(): SeedFlow[] {
  const hand = handwrittenFlows();
  return [...hand, ...generateFlows(hand)];
}
