import { and, asc, count, eq, gt, isNull } from "drizzle-orm";
import { invitations, tenants, users } from "../schema";
import type { Executor } from "../types";

const open = and(isNull(invitations.acceptedAt), isNull(invitations.declinedAt), isNull(invitations.revokedAt));

export async function insertInvitation(
  db: Executor,
  params: {
    tenantId: string;
    email: string;
    role: "admin" | "member";
    tokenHash: string;
    invitedById: string;
    expiresAt: Date;
    sentAt: Date;
  },
) {
  const [row] = await db.insert(invitations).values(params).onConflictDoNothing().returning();
  return row ?? null;
}

/** The tenant's open invitations (not accepted, declined or revoked; expired ones included), oldest first. */
export async function listOpenInvitations(db: Executor, params: { tenantId: string }) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      sentAt: invitations.sentAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .where(and(eq(invitations.tenantId, params.tenantId), open))
    .orderBy(asc(invitations.createdAt));
}

/** Open invitations that still hold a seat: not yet expired. */
export async function countPendingInvitations(db: Executor, params: { tenantId: string; now: Date }) {
  const [row] = await db
    .select({ n: count() })
    .from(invitations)
    .where(and(eq(invitations.tenantId, params.tenantId), open, gt(invitations.expiresAt, params.now)));
  return row?.n ?? 0;
}

export async function findOpenInvitationByEmail(db: Executor, params: { tenantId: string; email: string }) {
  const [row] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.tenantId, params.tenantId), eq(invitations.email, params.email), open));
  return row ?? null;
}

/** One invitation of this tenant by id (any state), or null: a foreign id is simply not found. */
export async function getInvitation(db: Executor, params: { tenantId: string; id: string }) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tenantId, params.tenantId), eq(invitations.id, params.id)));
  return row ?? null;
}

/** The invitation a link carries, with its team and who sent it; `lock` holds it for the transaction. */
export async function findInvitationByTokenHash(db: Executor, params: { tokenHash: string; lock?: boolean }) {
  const query = db
    .select({
      invitation: invitations,
      teamName: tenants.name,
      teamKind: tenants.kind,
      inviterName: users.name,
      inviterEmail: users.email,
    })
    .from(invitations)
    .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
    .leftJoin(users, eq(users.id, invitations.invitedById))
    .where(eq(invitations.tokenHash, params.tokenHash));
  const [row] = params.lock ? await query.for("update", { of: invitations }) : await query;
  return row ?? null;
}

/** A new link for an open invitation: the old token stops working. Null when it is no longer open. */
export async function renewInvitationToken(
  db: Executor,
  params: { tenantId: string; id: string; tokenHash: string; expiresAt: Date; sentAt: Date },
) {
  const [row] = await db
    .update(invitations)
    .set({ tokenHash: params.tokenHash, expiresAt: params.expiresAt, sentAt: params.sentAt })
    .where(and(eq(invitations.tenantId, params.tenantId), eq(invitations.id, params.id), open))
    .returning();
  return row ?? null;
}

/** Closes an open invitation one way (accepted, declined, revoked); false when it was no longer open. */
export async function closeInvitation(
  db: Executor,
  params: { id: string; outcome: "accepted" | "declined" | "revoked"; at: Date; acceptedById?: string },
) {
  const set =
    params.outcome === "accepted"
      ? { acceptedAt: params.at, acceptedById: params.acceptedById }
      : params.outcome === "declined"
        ? { declinedAt: params.at }
        : { revokedAt: params.at };
  const rows = await db
    .update(invitations)
    .set(set)
    .where(and(eq(invitations.id, params.id), open))
    .returning({ id: invitations.id });
  return rows.length > 0;
}
