import { likes, saves } from "../schema";
import type { Tx } from "../types";
import { popularity, type PlannedCopy } from "./activity-plan";
import { chunks, must } from "./batch";
import type { FlowRef, PlannedFlow } from "./catalog";
import { DEMO_MEMBER, DEMO_SUBSCRIBER } from "./people";
import { Rng } from "./random";
import { maxDate } from "./time";
import type { PlannedUser, UserIds } from "./users-and-tenants";

type PlannedReaction = { email: string; slug: string; createdAt: Date };
export type EngagementPlan = { likes: PlannedReaction[]; saves: PlannedReaction[] };

type Quota = { likes: number; saves: number; freeOnly?: boolean; copiedShare: number };

function quotaFor(user: PlannedUser, rng: Rng): Quota | null {
  if (user.email === DEMO_SUBSCRIBER.email) return { likes: 12, saves: 6, copiedShare: 0.5 };
  if (user.email === DEMO_MEMBER.email) return { likes: 3, saves: 3, freeOnly: true, copiedShare: 0 };
  if (user.email.endsWith("@readers.flowtab.dev"))
    return { likes: rng.int(2, 10), saves: rng.int(0, 5), copiedShare: 0.7 };
  return null;
}

/** Likes and saves: mostly flows the person copied, some found by browsing; never before sign-up or publication. */
export function planEngagement(
  people: readonly PlannedUser[],
  flows: readonly PlannedFlow[],
  copies: readonly PlannedCopy[],
  now: Date,
): EngagementPlan {
  const firstCopy = new Map<string, Map<string, Date>>();
  for (const c of copies) {
    const mine = firstCopy.get(c.subscription.email) ?? new Map<string, Date>();
    const seen = mine.get(c.flow.slug);
    if (!seen || c.createdAt < seen) mine.set(c.flow.slug, c.createdAt);
    firstCopy.set(c.subscription.email, mine);
  }
  const bySlug = new Map(flows.map((f) => [f.slug, f]));
  const plan: EngagementPlan = { likes: [], saves: [] };

  for (const user of people) {
    const rng = new Rng(`engagement:${user.email}`);
    const quota = quotaFor(user, rng);
    if (!quota) continue;
    const copied = [...(firstCopy.get(user.email)?.keys() ?? [])].sort();
    const browsable = flows.filter((f) => f.creatorEmail !== user.email && (!quota.freeOnly || !f.isPremium));
    for (const [kind, count] of [
      ["likes", quota.likes],
      ["saves", quota.saves],
    ] as const) {
      const chosen = new Set<string>();
      for (let i = 0; i < count * 4 && chosen.size < count; i++) {
        const fromCopied = copied.length > 0 && rng.chance(quota.copiedShare);
        const slug = fromCopied ? rng.pick(copied) : browsable[rng.weightedIndex(browsable.map(popularity))]?.slug;
        if (!slug || chosen.has(slug)) continue;
        const flow = must(bySlug, slug, "flow");
        const earliest = maxDate(
          maxDate(user.createdAt, flow.publishedAt),
          firstCopy.get(user.email)?.get(slug) ?? flow.publishedAt,
        );
        if (earliest.getTime() >= now.getTime()) continue;
        chosen.add(slug);
        plan[kind].push({ email: user.email, slug, createdAt: rng.between(earliest, now) });
      }
    }
  }
  return plan;
}

export async function writeEngagement(
  tx: Tx,
  plan: EngagementPlan,
  people: ReadonlyMap<string, UserIds>,
  flows: ReadonlyMap<string, FlowRef>,
): Promise<void> {
  const toRow = (r: PlannedReaction) => ({
    userId: must(people, r.email, "user").userId,
    flowId: must(flows, r.slug, "flow").id,
    createdAt: r.createdAt,
  });
  for (const batch of chunks(plan.likes)) await tx.insert(likes).values(batch.map(toRow)).onConflictDoNothing();
  for (const batch of chunks(plan.saves)) await tx.insert(saves).values(batch.map(toRow)).onConflictDoNothing();
}
