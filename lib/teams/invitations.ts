import "server-only";
import { z } from "zod";
import {
  closeInvitation,
  findOpenInvitationByEmail,
  insertInvitation,
  renewInvitationToken,
} from "@/db/queries/invitations";
import { incrementBucket } from "@/db/queries/rate-limits";
import { findUserIdByEmail, getMember } from "@/db/queries/teams";
import type { Executor } from "@/db/types";
import { emailSchema } from "@/lib/auth/email";
import { queueEmail } from "@/lib/email/outbox";
import { teamInvitationEmail } from "@/lib/email/team-templates";
import { AppError } from "@/lib/errors";
import { INVITATION_RESEND_INTERVAL_MS, INVITATION_TTL_DAYS, newInvitationToken } from "./invitation-token";
import { getInvitationOrThrow, lockTeamOrThrow, requireTeamRole } from "./loaders";
import { MANAGER_ROLES } from "./roles";
import { freeSeats, getTeamSeats } from "./seats";

export const inviteInputSchema = z.object({
  tenantId: z.uuid(),
  email: emailSchema,
  role: z.enum(["member", "admin"]).default("member"),
});

export const invitationInputSchema = z.object({ tenantId: z.uuid(), invitationId: z.uuid() });

/** Why an invitation was refused for lack of seats: the UI offers the portal to add some. */
const NO_FREE_SEAT = "no_free_seat";

/** Invitation emails a team may send in an hour (invites and resends): no mail bombing by revoke and invite again. */
const INVITATIONS_PER_HOUR = 30;

/** Counts one mail against the team's hourly budget, in the transaction that sends it (a refusal rolls it back). */
async function spendInvitationBudget(tx: Executor, tenantId: string, now: Date) {
  const { count, windowEnd } = await incrementBucket(tx, { key: `invite:team:${tenantId}`, windowMs: 3_600_000, now });
  if (count > INVITATIONS_PER_HOUR) {
    throw new AppError(
      "rate_limited",
      `A team can send ${INVITATIONS_PER_HOUR} invitations an hour. Try again later.`,
      {
        retryAfterSeconds: Math.max(1, Math.ceil((windowEnd.getTime() - now.getTime()) / 1000)),
      },
    );
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

async function assertFreeSeat(tx: Executor, tenantId: string, now: Date) {
  const seats = await getTeamSeats(tx, { tenantId, now });
  if (seats.seats === 0) {
    throw new AppError("conflict", "This team has no active subscription. Buy seats first.", {
      field: "email",
      details: { reason: NO_FREE_SEAT, seats: 0 },
    });
  }
  if (freeSeats(seats) === 0) {
    throw new AppError(
      "conflict",
      `All ${seats.seats} seats are taken (${plural(seats.members, "member")}, ${plural(seats.pendingInvitations, "pending invitation")}). Add seats in the billing portal to invite more people.`,
      { field: "email", details: { reason: NO_FREE_SEAT, seats: seats.seats } },
    );
  }
}

/**
 * An owner or admin invites an address: one open invitation per address, and only while a seat is free (members and
 * pending invitations together stay within the seats). The link is mailed in the same transaction (the outbox).
 */
export async function inviteToTeam(
  db: Executor,
  params: { tenantId: string; inviterId: string; email: string; role: "member" | "admin"; now?: Date },
) {
  const now = params.now ?? new Date();
  return db.transaction(async (tx) => {
    const team = await lockTeamOrThrow(tx, { tenantId: params.tenantId });
    const inviter = await requireTeamRole(tx, { tenantId: team.id, userId: params.inviterId, roles: MANAGER_ROLES });
    const existing = await findUserIdByEmail(tx, { email: params.email });
    if (existing && (await getMember(tx, { tenantId: team.id, userId: existing }))) {
      throw new AppError("conflict", `${params.email} is already a member of this team.`, { field: "email" });
    }
    if (await findOpenInvitationByEmail(tx, { tenantId: team.id, email: params.email })) {
      throw new AppError("conflict", `${params.email} already has an invitation. Resend it from the list below.`, {
        field: "email",
      });
    }
    await assertFreeSeat(tx, team.id, now);
    await spendInvitationBudget(tx, team.id, now);
    const { token, tokenHash } = newInvitationToken();
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);
    const invitation = await insertInvitation(tx, {
      tenantId: team.id,
      email: params.email,
      role: params.role,
      tokenHash,
      invitedById: inviter.userId,
      expiresAt,
      sentAt: now,
    });
    if (!invitation) throw new AppError("conflict", `${params.email} already has an invitation.`, { field: "email" });
    await queueEmail(tx, {
      to: params.email,
      kind: "team_invitation",
      ...teamInvitationEmail({
        teamName: team.name,
        inviterName: inviter.name ?? inviter.email,
        role: params.role,
        token,
        expiresAt,
      }),
      dedupeKey: `team-invitation:${invitation.id}:${now.toISOString()}`,
    });
    return invitation;
  });
}

/** Mails a new link for an open invitation (the old link stops working) and starts its 7 days again. */
export async function resendInvitation(
  db: Executor,
  params: { tenantId: string; invitationId: string; actorId: string; now?: Date },
) {
  const now = params.now ?? new Date();
  return db.transaction(async (tx) => {
    const team = await lockTeamOrThrow(tx, { tenantId: params.tenantId });
    const actor = await requireTeamRole(tx, { tenantId: team.id, userId: params.actorId, roles: MANAGER_ROLES });
    const invitation = await getInvitationOrThrow(tx, { tenantId: team.id, id: params.invitationId });
    if (invitation.acceptedAt || invitation.declinedAt || invitation.revokedAt) {
      throw new AppError("conflict", "This invitation was already answered or revoked.");
    }
    if (now.getTime() - invitation.sentAt.getTime() < INVITATION_RESEND_INTERVAL_MS) {
      throw new AppError("rate_limited", "This invitation was sent a moment ago. Wait a minute before resending.", {
        retryAfterSeconds: 60,
      });
    }
    // An expired invitation held no seat: it needs a free one again.
    if (invitation.expiresAt <= now) await assertFreeSeat(tx, team.id, now);
    await spendInvitationBudget(tx, team.id, now);
    const { token, tokenHash } = newInvitationToken();
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);
    const renewed = await renewInvitationToken(tx, {
      tenantId: team.id,
      id: invitation.id,
      tokenHash,
      expiresAt,
      sentAt: now,
    });
    if (!renewed) throw new AppError("conflict", "This invitation was already answered or revoked.");
    await queueEmail(tx, {
      to: renewed.email,
      kind: "team_invitation",
      ...teamInvitationEmail({
        teamName: team.name,
        inviterName: actor.name ?? actor.email,
        role: renewed.role === "admin" ? "admin" : "member",
        token,
        expiresAt,
      }),
      dedupeKey: `team-invitation:${renewed.id}:${now.toISOString()}`,
    });
    return renewed;
  });
}

/** Withdraws an open invitation: its link stops working and its seat is free again. */
export async function revokeInvitation(
  db: Executor,
  params: { tenantId: string; invitationId: string; actorId: string; now?: Date },
) {
  const now = params.now ?? new Date();
  return db.transaction(async (tx) => {
    const team = await lockTeamOrThrow(tx, { tenantId: params.tenantId });
    await requireTeamRole(tx, { tenantId: team.id, userId: params.actorId, roles: MANAGER_ROLES });
    const invitation = await getInvitationOrThrow(tx, { tenantId: team.id, id: params.invitationId });
    if (!(await closeInvitation(tx, { id: invitation.id, outcome: "revoked", at: now }))) {
      throw new AppError("conflict", "This invitation was already answered or revoked.");
    }
    return invitation;
  });
}
