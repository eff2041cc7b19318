import { type ActivityPlan, planActivity } from "./activity-plan";
import { planFlows, type PlannedFlow } from "./catalog";
import type { SeedContent } from "./content-types";
import { type PlannedSubscription, planSubscriptions } from "./demo-billing";
import { type EngagementPlan, planEngagement } from "./engagement";
import { DEMO_CREATOR_HANDLE } from "./people";
import { type PlannedUser, planUsers } from "./users-and-tenants";

/** Everything the seed will write, computed in memory from the content and `now` alone (no database, no clock). */
export type SeedWorld = {
  now: Date;
  users: PlannedUser[];
  flows: PlannedFlow[];
  subscriptions: PlannedSubscription[];
  activity: ActivityPlan;
  engagement: EngagementPlan;
  demoCreatorEmail: string;
};

export function planWorld(content: SeedContent, now: Date): SeedWorld {
  const subscriptions = planSubscriptions(now);
  const customers = new Map(
    subscriptions.map((s) => [s.email, { customerId: s.stripeCustomerId, since: s.periods[0].start }]),
  );
  const readerJoinDates = subscriptions.filter((s) => s.key.startsWith("reader")).map((s) => s.periods[0].start);
  const users = planUsers(content, now, readerJoinDates, customers);
  const flows = planFlows(content, now);
  const demoCreator = content.creators.find((c) => c.handle === DEMO_CREATOR_HANDLE);
  if (!demoCreator) throw new Error(`Seed content: no creator "${DEMO_CREATOR_HANDLE}"`);
  const demoCreatorEmail = demoCreator.email.toLowerCase();
  const activity = planActivity(subscriptions, flows, now, demoCreatorEmail);
  const engagement = planEngagement(users, flows, activity.copies, now);
  return { now, users, flows, subscriptions, activity, engagement, demoCreatorEmail };
}
