import { listTakenSlugs } from "@/db/queries/flow-publishing";
import type { Executor } from "@/db/types";
import { AppError } from "@/lib/errors";

const MAX_SLUG_LENGTH = 80;
const FALLBACK_SLUG = "flow";
/** Readable candidates per title: base, base-2 ... base-100. */
const CANDIDATES = 100;
/** Rounds of "pick the first free candidate, try to claim it" before falling back to a random suffix. */
const MAX_ROUNDS = 25;

/** Lower-case ASCII kebab from a title: "Résumé & cover letter!" -> "resume-and-cover-letter". */
export function slugFromTitle(title: string, maxLength = MAX_SLUG_LENGTH): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return truncateSlug(base, maxLength) || FALLBACK_SLUG;
}

/** Cuts at a word boundary when one is reasonably close, never leaving a trailing hyphen. */
function truncateSlug(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/g, "");
}

/** `base`, `base-2`, `base-3`, ...: the n-th candidate, shortened so the suffix still fits in the limit. */
export function slugCandidate(base: string, n: number): string {
  if (n <= 1) return base;
  const suffix = `-${n}`;
  return `${truncateSlug(base, MAX_SLUG_LENGTH - suffix.length) || FALLBACK_SLUG}${suffix}`;
}

/**
 * Claims a unique slug for `title`. The unique index on flows.slug is the judge: `claim(slug)` writes the row
 * and returns null when that slug turned out to be taken (ON CONFLICT DO NOTHING, or a caught unique violation
 * inside a savepoint). Each round reads which candidates are taken in one query and tries the first free one,
 * so concurrent writers with the same title settle on distinct suffixes in a few rounds; the read is only a hint.
 */
export async function claimUniqueSlug<T>(
  db: Executor,
  params: { title: string; claim: (slug: string) => Promise<T | null>; excludeFlowId?: string },
): Promise<T> {
  const base = slugFromTitle(params.title);
  const candidates = Array.from({ length: CANDIDATES }, (_, i) => slugCandidate(base, i + 1));
  const lost = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const taken = new Set(await listTakenSlugs(db, { slugs: candidates, excludeFlowId: params.excludeFlowId }));
    const next = candidates.find((slug) => !taken.has(slug) && !lost.has(slug));
    if (!next) break;
    const claimed = await params.claim(next);
    if (claimed !== null) return claimed;
    lost.add(next);
  }
  // Every readable candidate is taken: a random suffix cannot realistically collide, and the index still checks.
  for (let attempt = 0; attempt < 5; attempt++) {
    const claimed = await params.claim(slugCandidate(base, 1000 + Math.floor(Math.random() * 9_000_000)));
    if (claimed !== null) return claimed;
  }
  throw new AppError("conflict", "Could not find a free address for this flow. Try a different title.", {
    field: "title",
  });
}
