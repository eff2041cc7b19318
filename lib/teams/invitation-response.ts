import "server-only";
import { closeInvitation, findInvitationByTokenHash } from "@/db/queries/invitations";
import { getMember, insertMember, lockTenant, markEmailVerified } from "@/db/queries/teams";
import type { Executor } from "@/db/types";
import { AppError } from "@/lib/errors";
import { hashInvitationToken, looksLikeInvitationToken } from "./invitation-token";
import { getTeamSeats } from "./seats";

export type InvitationState = "open" | "expired" | "accepted" | "declined" | "revoked";

export type InvitationView = {
  state: InvitationState;
  teamName: string;
  inviterName: string | null;
  email: string;
  role: "admin" | "member";
  expiresAt: Date;
};

async function findByToken(db: Executor, token: string, lock = false) {
  if (!looksLikeInvitationToken(token)) return null;
  return findInvitationByTokenHash(db, { tokenHash: hashInvitationToken(token), lock });
}

function stateOf(
  invitation: { acceptedAt: Date | null; declinedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.declinedAt) return "declined";
  if (invitation.revokedAt) return "revoked";
  return invitation.expiresAt <= now ? "expired" : "open";
}

/** Why a link no longer works, in words for the invitee. */
export const NOT_OPEN: Record<Exclude<InvitationState, "open">, string> = {
  expired: "This invitation has expired. Ask the team's owner or an admin to send a new one.",
  accepted: "This invitation was already used.",
  declined: "This invitation was declined.",
  revoked: "This invitation was withdrawn by the team.",
};

/** What the link shows anyone who holds it (the link is the secret): the team, who invited, and its state. */
export async function viewInvitation(
  db: Executor,
  params: { token: string; now?: Date },
): Promise<InvitationView | null> {
  const row = await findByToken(db, params.token);
  if (!row || row.teamKind !== "team") return null;
  return {
    state: stateOf(row.invitation, params.now ?? new Date()),
    teamName: row.teamName,
    inviterName: row.inviterName ?? row.inviterEmail,
    email: row.invitation.email,
    role: row.invitation.role === "admin" ? "admin" : "member",
    expiresAt: row.invitation.expiresAt,
  };
}

/**
 * The signed-in invitee accepts: the invitation must be open and addressed to their email (the link reached that
 * inbox, which also verifies the address), and a seat must be free (seats can have been lowered since the invite).
 * Single use: the invitation row is locked and closed in the transaction that adds the member.
 */
export async function acceptInvitation(
  db: Executor,
  params: { token: string; user: { id: string; email: string }; now?: Date },
): Promise<{ tenantId: string; teamName: string }> {
  const now = params.now ?? new Date();
  return db.transaction(async (tx) => {
    const found = await findByToken(tx, params.token);
    if (!found || found.teamKind !== "team") throw new AppError("not_found", "This invitation link is not valid.");
    // The team first, then the invitation: the order every membership change of the team takes its locks in.
    const team = await lockTenant(tx, { tenantId: found.invitation.tenantId });
    const row = await findByToken(tx, params.token, true);
    if (!team || !row) throw new AppError("not_found", "This invitation link is not valid.");
    const invitation = row.invitation;
    const state = stateOf(invitation, now);
    if (state === "accepted" && invitation.acceptedById === params.user.id) {
      return { tenantId: team.id, teamName: team.name };
    }
    if (state !== "open") throw new AppError("conflict", NOT_OPEN[state]);
    if (invitation.email !== params.user.email) {
      throw new AppError(
        "forbidden",
        `This invitation is for ${invitation.email}. Sign in with that address to accept it.`,
      );
    }
    if (!(await getMember(tx, { tenantId: team.id, userId: params.user.id }))) {
      const seats = await getTeamSeats(tx, { tenantId: team.id, now });
      if (seats.members >= seats.seats) {
        throw new AppError(
          "conflict",
          `${team.name} has no free seat right now. Ask its owner to add seats, then open this link again.`,
        );
      }
      await insertMember(tx, {
        tenantId: team.id,
        userId: params.user.id,
        role: invitation.role === "admin" ? "admin" : "member",
      });
    }
    await closeInvitation(tx, { id: invitation.id, outcome: "accepted", at: now, acceptedById: params.user.id });
    await markEmailVerified(tx, { userId: params.user.id, at: now });
    return { tenantId: team.id, teamName: team.name };
  });
}

/** The invitee declines (no account needed: holding the link is enough); the seat it held is free again. */
export async function declineInvitation(db: Executor, params: { token: string; now?: Date }) {
  const now = params.now ?? new Date();
  return db.transaction(async (tx) => {
    const row = await findByToken(tx, params.token, true);
    if (!row || row.teamKind !== "team") throw new AppError("not_found", "This invitation link is not valid.");
    const state = stateOf(row.invitation, now);
    if (state === "declined") return;
    if (state !== "open") throw new AppError("conflict", NOT_OPEN[state]);
    await closeInvitation(tx, { id: row.invitation.id, outcome: "declined", at: now });
  });
}
