import { inArray } from "drizzle-orm";
import { tenantMembers, tenants, users } from "../schema";
import type { Tx } from "../types";
import { chunks, must } from "./batch";
import type { SeedContent } from "./content-types";
import { DEMO_PASSWORD_HASH } from "./demo-password";
import { seedUuid } from "./ids";
import { DEMO_ADMIN, DEMO_MEMBER, DEMO_SUBSCRIBER, DEMO_TEAM, READER_NAMES, readerEmail } from "./people";
import { Rng } from "./random";
import { addDays, addMs, HOUR_MS, truncateToSecond } from "./time";

export type PlannedUser = {
  email: string;
  name: string;
  handle: string | null;
  bio: string | null;
  isAdmin: boolean;
  createdAt: Date;
  /** Set for people with a subscription: their personal tenant is the Stripe customer. */
  stripeCustomerId: string | null;
  customerSince: Date | null;
};

export type UserIds = { userId: string; tenantId: string };

/** Demo accounts, creators and readers. Readers' join dates come from their subscriptions (see demo-billing). */
export function planUsers(
  content: SeedContent,
  now: Date,
  readerJoinDates: readonly Date[],
  customers: ReadonlyMap<string, { customerId: string; since: Date }>,
): PlannedUser[] {
  const oldestFlowDays = new Map<string, number>();
  for (const flow of content.flows) {
    oldestFlowDays.set(
      flow.creatorHandle,
      Math.max(oldestFlowDays.get(flow.creatorHandle) ?? 0, flow.publishedDaysAgo),
    );
  }
  const platformAgeDays = Math.max(60, ...oldestFlowDays.values()) + 45;
  const person = (
    email: string,
    name: string,
    createdAt: Date,
    extra: Partial<Pick<PlannedUser, "handle" | "bio" | "isAdmin">> = {},
  ): PlannedUser => {
    const customer = customers.get(email);
    return {
      email,
      name,
      handle: extra.handle ?? null,
      bio: extra.bio ?? null,
      isAdmin: extra.isAdmin ?? false,
      createdAt: truncateToSecond(createdAt),
      stripeCustomerId: customer?.customerId ?? null,
      customerSince: customer?.since ?? null,
    };
  };

  const out: PlannedUser[] = [
    person(DEMO_ADMIN.email, DEMO_ADMIN.name, addDays(now, -platformAgeDays), { isAdmin: true }),
    person(DEMO_MEMBER.email, DEMO_MEMBER.name, addMs(addDays(now, -45), -5 * HOUR_MS)),
    person(DEMO_SUBSCRIBER.email, DEMO_SUBSCRIBER.name, addMs(addDays(now, -11), -3 * HOUR_MS)),
    person(DEMO_TEAM.owner.email, DEMO_TEAM.owner.name, addMs(addDays(now, -20), -2 * HOUR_MS)),
    person(DEMO_TEAM.member.email, DEMO_TEAM.member.name, addMs(addDays(now, -18), -6 * HOUR_MS)),
  ];
  for (const creator of content.creators) {
    const rng = new Rng(`creator-joined:${creator.handle}`);
    const daysBefore = (oldestFlowDays.get(creator.handle) ?? 30) + rng.int(7, 30);
    const joined = addMs(addDays(now, -daysBefore), -rng.int(0, 23) * HOUR_MS);
    out.push(person(creator.email.toLowerCase(), creator.name, joined, { handle: creator.handle, bio: creator.bio }));
  }
  READER_NAMES.forEach((name, i) => {
    const rng = new Rng(`reader-joined:${i}`);
    const joined = addMs(addDays(readerJoinDates[i], -rng.int(0, 20)), -rng.int(1, 23) * HOUR_MS);
    out.push(person(readerEmail(i), name, joined));
  });
  return out;
}

/** Inserts what is missing and reads back the ids of everyone planned (existing rows win). */
export async function writeUsersAndTenants(tx: Tx, planned: readonly PlannedUser[]): Promise<Map<string, UserIds>> {
  for (const batch of chunks(planned)) {
    await tx
      .insert(users)
      .values(
        batch.map((u) => ({
          id: seedUuid("user", u.email),
          email: u.email,
          name: u.name,
          emailVerified: addMs(u.createdAt, 5 * 60_000),
          passwordHash: DEMO_PASSWORD_HASH,
          handle: u.handle,
          bio: u.bio,
          isAdmin: u.isAdmin,
          createdAt: u.createdAt,
          updatedAt: u.createdAt,
        })),
      )
      .onConflictDoNothing();
  }
  const emails = planned.map((u) => u.email);
  const userRows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, emails));
  const userIds = new Map(userRows.map((r) => [r.email, r.id]));

  for (const batch of chunks(planned)) {
    await tx
      .insert(tenants)
      .values(
        batch.map((u) => ({
          id: seedUuid("tenant", u.email),
          name: u.name,
          kind: "personal" as const,
          personalOwnerId: must(userIds, u.email, "user"),
          stripeCustomerId: u.stripeCustomerId,
          createdAt: u.createdAt,
          updatedAt: u.customerSince ?? u.createdAt,
        })),
      )
      .onConflictDoNothing();
  }
  const tenantRows = await tx
    .select({ id: tenants.id, ownerId: tenants.personalOwnerId })
    .from(tenants)
    .where(inArray(tenants.personalOwnerId, [...userIds.values()]));
  const tenantByOwner = new Map(tenantRows.map((r) => [r.ownerId, r.id]));

  const result = new Map<string, UserIds>();
  for (const u of planned) {
    const userId = must(userIds, u.email, "user");
    result.set(u.email, { userId, tenantId: must(tenantByOwner, userId, "personal tenant") });
  }
  for (const batch of chunks(planned)) {
    await tx
      .insert(tenantMembers)
      .values(
        batch.map((u) => {
          const ids = must(result, u.email, "user");
          return { tenantId: ids.tenantId, userId: ids.userId, role: "owner" as const, createdAt: u.createdAt };
        }),
      )
      .onConflictDoNothing();
  }
  return result;
}
