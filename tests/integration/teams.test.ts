// Teams without HTTP: invitations (emailed link, single use, expiry, resend, revoke, decline), roles checked in the
// same transaction that acts, the last owner, seats for invitations, and API tokens acting in their own tenant.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { apiTokens, emailOutbox, invitations, tenantMembers, users } from "@/db/schema";
import { getActor } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/auth/api-tokens";
import { recordCopy } from "@/lib/copies/record-copy";
import { getEntitlement } from "@/lib/entitlements";
import { acceptInvitation, declineInvitation, viewInvitation } from "@/lib/teams/invitation-response";
import { inviteToTeam, resendInvitation, revokeInvitation } from "@/lib/teams/invitations";
import { changeTeamMemberRole, leaveTeam, removeTeamMember } from "@/lib/teams/members";
import { createTestDb, type TestDb } from "../helpers/db";
import { makeFlows, makeUser } from "../helpers/world";
import { invitationTokenFor, joinTeam, makeTeam, setSeats } from "./team-support";

const onPostgres = Boolean(process.env.DATABASE_URL);
if (!onPostgres) console.warn("[teams] SKIPPED: the concurrent role-change test needs PostgreSQL (set DATABASE_URL).");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

const DAY = 86_400_000;
const userOf = (p: { user: { id: string; email: string } }) => ({ id: p.user.id, email: p.user.email });
const roleOf = async (tenantId: string, userId: string) =>
  (
    await t.db
      .select({ role: tenantMembers.role })
      .from(tenantMembers)
      .where(and(eq(tenantMembers.tenantId, tenantId), eq(tenantMembers.userId, userId)))
  )[0]?.role ?? null;

describe("invitations", () => {
  it("an owner invites by email; the link accepts once, for the invited address only", async () => {
    const { team, owner } = await makeTeam(t.db, { seats: 3 });
    const invitee = await makeUser(t.db, "Ivy");
    const stranger = await makeUser(t.db, "Stan");
    await inviteToTeam(t.db, {
      tenantId: team.id,
      inviterId: owner.user.id,
      email: invitee.user.email,
      role: "member",
    });

    const [mail] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, invitee.user.email));
    expect(mail).toMatchObject({ kind: "team_invitation", subject: `Owner invited you to Acme Research on Flowtab` });
    const token = await invitationTokenFor(t.db, invitee.user.email);
    // Only the SHA-256 of the link's secret is stored.
    const [stored] = await t.db.select().from(invitations);
    expect(stored!.tokenHash).not.toContain(token);
    expect(await viewInvitation(t.db, { token })).toMatchObject({
      state: "open",
      teamName: "Acme Research",
      role: "member",
    });

    await expect(acceptInvitation(t.db, { token, user: userOf(stranger) })).rejects.toMatchObject({
      code: "forbidden",
      message: `This invitation is for ${invitee.user.email}. Sign in with that address to accept it.`,
    });
    expect(await acceptInvitation(t.db, { token, user: userOf(invitee) })).toEqual({
      tenantId: team.id,
      teamName: "Acme Research",
    });
    expect(await roleOf(team.id, invitee.user.id)).toBe("member");
    expect((await getEntitlement(t.db, { userId: invitee.user.id })).premiumAccess).toBe(true);
    // Accepting proved the address.
    const [verified] = await t.db.select().from(users).where(eq(users.id, invitee.user.id));
    expect(verified!.emailVerified).not.toBeNull();
    // A second click by the same person is harmless; the link is used up for anyone else.
    await expect(acceptInvitation(t.db, { token, user: userOf(invitee) })).resolves.toMatchObject({
      tenantId: team.id,
    });
    await expect(acceptInvitation(t.db, { token, user: userOf(stranger) })).rejects.toMatchObject({
      code: "conflict",
      message: "This invitation was already used.",
    });
    expect(await viewInvitation(t.db, { token })).toMatchObject({ state: "accepted" });
    expect(await viewInvitation(t.db, { token: "x".repeat(43) })).toBeNull();
  });

  it("decline, revoke, expiry and resend (a new link; the old one stops working)", async () => {
    const { team, owner } = await makeTeam(t.db, { seats: 5 });
    const [ann, ben, cat] = await Promise.all(["Ann", "Ben", "Cat"].map((n) => makeUser(t.db, n)));
    const now = new Date();
    for (const p of [ann!, ben!, cat!]) {
      await inviteToTeam(t.db, {
        tenantId: team.id,
        inviterId: owner.user.id,
        email: p.user.email,
        role: "member",
        now,
      });
    }
    const [annToken, benToken, catToken] = await Promise.all(
      [ann!, ben!, cat!].map((p) => invitationTokenFor(t.db, p.user.email)),
    );

    await declineInvitation(t.db, { token: annToken! });
    await expect(acceptInvitation(t.db, { token: annToken!, user: userOf(ann!) })).rejects.toMatchObject({
      message: "This invitation was declined.",
    });

    const benInvitation = (await t.db.select().from(invitations).where(eq(invitations.email, ben!.user.email)))[0]!;
    await revokeInvitation(t.db, { tenantId: team.id, invitationId: benInvitation.id, actorId: owner.user.id });
    await expect(acceptInvitation(t.db, { token: benToken!, user: userOf(ben!) })).rejects.toMatchObject({
      message: "This invitation was withdrawn by the team.",
    });

    const catInvitation = (await t.db.select().from(invitations).where(eq(invitations.email, cat!.user.email)))[0]!;
    const later = new Date(now.getTime() + 8 * DAY);
    await expect(acceptInvitation(t.db, { token: catToken!, user: userOf(cat!), now: later })).rejects.toMatchObject({
      message: "This invitation has expired. Ask the team's owner or an admin to send a new one.",
    });
    await expect(
      resendInvitation(t.db, { tenantId: team.id, invitationId: catInvitation.id, actorId: owner.user.id, now }),
    ).rejects.toMatchObject({ code: "rate_limited" });
    await resendInvitation(t.db, {
      tenantId: team.id,
      invitationId: catInvitation.id,
      actorId: owner.user.id,
      now: later,
    });
    const fresh = await invitationTokenFor(t.db, cat!.user.email);
    expect(fresh).not.toBe(catToken);
    expect(await viewInvitation(t.db, { token: catToken! })).toBeNull();
    await acceptInvitation(t.db, { token: fresh, user: userOf(cat!), now: new Date(later.getTime() + 1000) });
    expect(await roleOf(team.id, cat!.user.id)).toBe("member");
    expect(await roleOf(team.id, ann!.user.id)).toBeNull();
    expect(await roleOf(team.id, ben!.user.id)).toBeNull();
  });

  it("inviting beyond the seats is refused (members and pending invitations hold seats) until seats are added", async () => {
    const { team, owner, subscription } = await makeTeam(t.db, { seats: 3 });
    const invite = (email: string) =>
      inviteToTeam(t.db, { tenantId: team.id, inviterId: owner.user.id, email, role: "member" });
    await invite("a@example.com");
    await invite("b@example.com");
    await expect(invite("c@example.com")).rejects.toMatchObject({
      code: "conflict",
      field: "email",
      details: { reason: "no_free_seat", seats: 3 },
      message:
        "All 3 seats are taken (1 member, 2 pending invitations). Add seats in the billing portal to invite more people.",
    });
    await expect(invite("a@example.com")).rejects.toMatchObject({
      message: "a@example.com already has an invitation. Resend it from the list below.",
    });
    await setSeats(t.db, subscription.id, 4);
    await expect(invite("c@example.com")).resolves.toMatchObject({ email: "c@example.com" });
    expect(await t.db.select().from(invitations)).toHaveLength(3);
  });

  it("an invitation accepted after the seats were lowered is refused while the team is full", async () => {
    const { team, owner, subscription } = await makeTeam(t.db, { seats: 2 });
    const ivy = await makeUser(t.db, "Ivy");
    await inviteToTeam(t.db, { tenantId: team.id, inviterId: owner.user.id, email: ivy.user.email, role: "member" });
    await joinTeam(t.db, team.id, "Walk-in");
    const token = await invitationTokenFor(t.db, ivy.user.email);
    await expect(acceptInvitation(t.db, { token, user: userOf(ivy) })).rejects.toMatchObject({
      code: "conflict",
      message: "Acme Research has no free seat right now. Ask its owner to add seats, then open this link again.",
    });
    await setSeats(t.db, subscription.id, 3);
    await expect(acceptInvitation(t.db, { token, user: userOf(ivy) })).resolves.toMatchObject({ tenantId: team.id });
  });

  it("a team sends at most 30 invitation emails an hour (revoking and inviting again counts)", async () => {
    const { team, owner } = await makeTeam(t.db, { seats: 40 });
    const now = new Date("2026-11-22T10:05:00Z");
    for (let i = 0; i < 30; i++) {
      await inviteToTeam(t.db, {
        tenantId: team.id,
        inviterId: owner.user.id,
        email: `p${i}@example.com`,
        role: "member",
        now,
      });
    }
    await expect(
      inviteToTeam(t.db, {
        tenantId: team.id,
        inviterId: owner.user.id,
        email: "p30@example.com",
        role: "member",
        now,
      }),
    ).rejects.toMatchObject({ code: "rate_limited", retryAfterSeconds: 55 * 60 });
    expect(await t.db.select().from(invitations)).toHaveLength(30);
    // The next hour has a fresh budget.
    await inviteToTeam(t.db, {
      tenantId: team.id,
      inviterId: owner.user.id,
      email: "p30@example.com",
      role: "member",
      now: new Date("2026-11-22T11:00:00Z"),
    });
  });

  it("a team without a subscription cannot invite", async () => {
    const { team, owner, subscription } = await makeTeam(t.db, { seats: 2 });
    await t.db.execute(
      // Canceled: no live subscription, no seats.
      sql`update subscriptions set status = 'canceled' where id = ${subscription.id}`,
    );
    await expect(
      inviteToTeam(t.db, { tenantId: team.id, inviterId: owner.user.id, email: "x@example.com", role: "member" }),
    ).rejects.toMatchObject({ message: "This team has no active subscription. Buy seats first." });
  });
});

describe("roles, checked in the transaction that acts", () => {
  it("members cannot manage; admins manage members but not owners; nobody acts in a team they are not in", async () => {
    const { team, owner, members } = await makeTeam(t.db, { seats: 5, members: ["Adam", "Mia"] });
    const [adam, mia] = members;
    const outsider = await makeTeam(t.db, { seats: 2, name: "Other team" });
    await changeTeamMemberRole(t.db, {
      tenantId: team.id,
      actorId: owner.user.id,
      userId: adam!.user.id,
      role: "admin",
    });

    await expect(
      inviteToTeam(t.db, { tenantId: team.id, inviterId: mia!.user.id, email: "x@example.com", role: "member" }),
    ).rejects.toMatchObject({ code: "forbidden", status: 403 });
    await expect(
      removeTeamMember(t.db, { tenantId: team.id, actorId: mia!.user.id, userId: adam!.user.id }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      changeTeamMemberRole(t.db, { tenantId: team.id, actorId: mia!.user.id, userId: mia!.user.id, role: "admin" }),
    ).rejects.toMatchObject({ code: "forbidden" });

    await expect(
      removeTeamMember(t.db, { tenantId: team.id, actorId: adam!.user.id, userId: owner.user.id }),
    ).rejects.toMatchObject({ code: "forbidden", message: "Only an owner can remove an owner." });
    await expect(
      changeTeamMemberRole(t.db, { tenantId: team.id, actorId: adam!.user.id, userId: mia!.user.id, role: "owner" }),
    ).rejects.toMatchObject({ code: "forbidden", message: "Only an owner can make or change an owner." });
    await changeTeamMemberRole(t.db, {
      tenantId: team.id,
      actorId: adam!.user.id,
      userId: mia!.user.id,
      role: "admin",
    });
    expect(await roleOf(team.id, mia!.user.id)).toBe("admin");
    await expect(
      inviteToTeam(t.db, { tenantId: team.id, inviterId: adam!.user.id, email: "new@example.com", role: "member" }),
    ).resolves.toMatchObject({ email: "new@example.com" });

    // Another team's owner, and another team's ids, get "not found".
    await expect(
      removeTeamMember(t.db, { tenantId: team.id, actorId: outsider.owner.user.id, userId: mia!.user.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      removeTeamMember(t.db, { tenantId: outsider.team.id, actorId: outsider.owner.user.id, userId: mia!.user.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    const [foreign] = await t.db.select().from(invitations).where(eq(invitations.tenantId, team.id));
    await expect(
      revokeInvitation(t.db, {
        tenantId: outsider.team.id,
        invitationId: foreign!.id,
        actorId: outsider.owner.user.id,
      }),
    ).rejects.toMatchObject({ code: "not_found", message: "Invitation not found." });
    // A personal tenant is no team.
    await expect(leaveTeam(t.db, { tenantId: owner.tenant.id, userId: owner.user.id })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("the last owner cannot leave or be demoted; with a second owner they can", async () => {
    const { team, owner, members } = await makeTeam(t.db, { seats: 3, members: ["Ola"] });
    const ola = members[0]!;
    await expect(leaveTeam(t.db, { tenantId: team.id, userId: owner.user.id })).rejects.toMatchObject({
      code: "conflict",
      message: "You are the team's last owner. Make someone else an owner before you leave.",
    });
    await expect(
      changeTeamMemberRole(t.db, { tenantId: team.id, actorId: owner.user.id, userId: owner.user.id, role: "admin" }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: "The team's last owner cannot be demoted. Make someone else an owner first.",
    });
    await changeTeamMemberRole(t.db, { tenantId: team.id, actorId: owner.user.id, userId: ola.user.id, role: "owner" });
    await changeTeamMemberRole(t.db, {
      tenantId: team.id,
      actorId: owner.user.id,
      userId: owner.user.id,
      role: "member",
    });
    expect(await roleOf(team.id, owner.user.id)).toBe("member");
    await expect(leaveTeam(t.db, { tenantId: team.id, userId: ola.user.id })).rejects.toMatchObject({
      code: "conflict",
    });
    await leaveTeam(t.db, { tenantId: team.id, userId: owner.user.id });
    expect(await roleOf(team.id, owner.user.id)).toBeNull();
  });

  it.skipIf(!onPostgres)("two owners demoting each other at once: one succeeds, the team keeps an owner", async () => {
    const { team, owner, members } = await makeTeam(t.db, { seats: 3, members: ["Ola"] });
    const ola = members[0]!;
    await changeTeamMemberRole(t.db, { tenantId: team.id, actorId: owner.user.id, userId: ola.user.id, role: "owner" });
    const outcomes = await Promise.allSettled([
      changeTeamMemberRole(t.db, { tenantId: team.id, actorId: owner.user.id, userId: ola.user.id, role: "member" }),
      changeTeamMemberRole(t.db, { tenantId: team.id, actorId: ola.user.id, userId: owner.user.id, role: "member" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const roles = [await roleOf(team.id, owner.user.id), await roleOf(team.id, ola.user.id)];
    expect(roles.filter((r) => r === "owner")).toHaveLength(1);
  });
});

describe("API tokens act in the tenant they were made in", () => {
  const bearer = (token: string) =>
    new Request("http://localhost/api/v1/flows", { headers: { authorization: `Bearer ${token}` } });

  it("a team token copies with the team's seat; a personal token of the same person has the free plan", async () => {
    const { team, owner, members } = await makeTeam(t.db, { seats: 2, members: ["Tess"] });
    const tess = members[0]!;
    const creator = await makeUser(t.db, "Creator");
    const [premium] = await makeFlows(t.db, { userId: creator.user.id, tenantId: creator.tenant.id }, 1);
    const input = { name: "script", scopes: ["flows:read", "flows:copy"] as ("flows:read" | "flows:copy")[] };
    const teamToken = await createApiToken(t.db, { userId: tess.user.id, tenantId: team.id, input });
    const personalToken = await createApiToken(t.db, { userId: tess.user.id, input });
    await expect(
      createApiToken(t.db, { userId: tess.user.id, tenantId: owner.tenant.id, input }),
    ).rejects.toMatchObject({ code: "not_found" });

    const viaTeam = await getActor(t.db, bearer(teamToken.token));
    const viaPersonal = await getActor(t.db, bearer(personalToken.token));
    expect(viaTeam).toMatchObject({ kind: "token", tenantId: team.id });
    expect(viaPersonal).toMatchObject({ kind: "token", tenantId: tess.tenant.id });
    expect((await getEntitlement(t.db, { userId: tess.user.id, tenantId: viaTeam!.tenantId })).plan.id).toBe("team");
    expect((await getEntitlement(t.db, { userId: tess.user.id, tenantId: viaPersonal!.tenantId })).plan.id).toBe(
      "free",
    );

    await expect(
      recordCopy(t.db, { userId: tess.user.id, tenantId: viaPersonal!.tenantId, slug: premium!, source: "api" }),
    ).rejects.toMatchObject({ code: "premium_required" });
    const copied = await recordCopy(t.db, {
      userId: tess.user.id,
      tenantId: viaTeam!.tenantId,
      slug: premium!,
      source: "api",
    });
    expect(copied.copy.countedForPayout).toBe(true);

    // Removed from the team: the team token is revoked with the membership; the personal one still works.
    await removeTeamMember(t.db, { tenantId: team.id, actorId: owner.user.id, userId: tess.user.id });
    await expect(getActor(t.db, bearer(teamToken.token))).rejects.toMatchObject({ code: "unauthorized" });
    await expect(getActor(t.db, bearer(personalToken.token))).resolves.toMatchObject({ tenantId: tess.tenant.id });
    const [revoked] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, teamToken.record.id));
    expect(revoked!.revokedAt).not.toBeNull();
    const mails = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, tess.user.email));
    expect(mails.map((m) => m.subject)).toEqual(["You were removed from Acme Research on Flowtab"]);
  });
});
