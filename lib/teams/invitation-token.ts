import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** How long an emailed invitation link works. */
export const INVITATION_TTL_DAYS = 7;
/** A resend within this long of the last mail is refused (no mail bombing through the Resend button). */
export const INVITATION_RESEND_INTERVAL_MS = 60_000;

/**
 * The link's secret: 256 random bits. Only its SHA-256 is stored, so the database cannot mail a link again (a resend
 * makes a new secret and the old link stops working), and accepting once closes the invitation (single use).
 */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** 32 bytes in base64url are 43 characters; anything else is not one of our links. */
export function looksLikeInvitationToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
