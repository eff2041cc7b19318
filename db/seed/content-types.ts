import type { SeedCreator, SeedFlow } from "./content/types";

/** What the seed is built from: the catalogue and its creators (db/seed/content). */
export type SeedContent = { flows: SeedFlow[]; creators: SeedCreator[] };
