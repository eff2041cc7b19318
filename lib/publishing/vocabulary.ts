// The controlled vocabulary lives with the seed content, which has no imports of its own; re-exporting it
// keeps one list for the catalogue, the seed and the editor.
export { AGENTS, CATEGORIES } from "@/db/seed/content/vocabulary";
