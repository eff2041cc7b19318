// Builders for the team tests: real rows, members joining one second apart (seats go by join date).
import { eq } from "drizzle-orm";
import { emailOutbox, subscriptions, tenantMembers, tenants } from "@/db/schema";
import type { Db } from "@/db/types";
import { makeSubscription, makeUser } from "../helpers/world";

export type TeamWorld = Awaited<ReturnType<typeof makeTeam>>;

/** A team with an active subscription of `seats`; its owner joined first, then `members` in order. */
export async function makeTeam(db: Db, opts: { seats: number; members?: string[]; name?: string }) {
  const owner = await makeUser(db, "Owner");
  const [team] = await db
    .insert(tenants)
    .values({ name: opts.name ?? "Acme Research", kind: "team" })
    .returning();
  const base = Date.now() - 3_600_000;
  await db
    .insert(tenantMembers)
    .values({ tenantId: team!.id, userId: owner.user.id, role: "owner", createdAt: new Date(base) });
  const members = [];
  for (const [i, name] of (opts.members ?? []).entries()) {
    members.push(await joinTeam(db, team!.id, name, new Date(base + (i + 1) * 1000)));
  }
  const subscription = await makeSubscription(db, team!.id);
  await setSeats(db, subscription.id, opts.seats);
  return { team: team!, owner, members, subscription };
}

/** A new user who joins the team at `joinedAt` as a member. */
export async function joinTeam(db: Db, tenantId: string, name: string, joinedAt = new Date()) {
  const person = await makeUser(db, name);
  await db.insert(tenantMembers).values({ tenantId, userId: person.user.id, role: "member", createdAt: joinedAt });
  return person;
}

export async function setSeats(db: Db, subscriptionId: string, quantity: number) {
  await db.update(subscriptions).set({ quantity }).where(eq(subscriptions.id, subscriptionId));
}

/** The invitation link's token from the last invitation mailed to `email`. */
export async function invitationTokenFor(db: Db, email: string): Promise<string> {
  const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
  const invitations = mails.filter((m) => m.kind === "team_invitation").sort((a, b) => +a.createdAt - +b.createdAt);
  const last = invitations[invitations.length - 1];
  const match = last ? /\/invite\/([A-Za-z0-9_-]{43})/.exec(last.textBody) : null;
  if (!match) throw new Error(`no invitation mailed to ${email}`);
  return match[1]!;
}
