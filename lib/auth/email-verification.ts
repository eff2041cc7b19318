import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import {
  consumeEmailVerificationToken,
  getEmailVerificationState,
  markEmailVerified,
  replaceEmailVerificationToken,
} from "@/db/queries/email-verification";
import { incrementBucket } from "@/db/queries/rate-limits";
import type { Executor } from "@/db/types";
import { queueEmail } from "@/lib/email/outbox";
import { verifyEmailEmail } from "@/lib/email/templates";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// A free trial starts only for a verified email (issue 11, case 9). The link is
//   /verify-email?token=<userId>.<expiresUnix>.<nonce>.<hmac>
// signed with AUTH_SECRET over the user, their address, the expiry and the nonce (so it cannot be forged or moved to
// another address), expiring after a day, and single use: the nonce's hash is stored and deleted when the link is
// followed (a resend replaces it).

const VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;
export const RESENDS_PER_HOUR = 5;
const RESEND_WINDOW_MS = 60 * 60 * 1000;
// Tests and a first `npm run dev` may run without AUTH_SECRET; production never signs with this.
const DEV_SECRET = "flowtab-dev-only-verification-secret";

function signingSecret(): string {
  const e = env();
  if (e.AUTH_SECRET) return e.AUTH_SECRET;
  if (e.NODE_ENV === "production") throw new AppError("internal", "AUTH_SECRET is not set.");
  return DEV_SECRET;
}

function sign(parts: { userId: string; email: string; expires: number; nonce: string }): string {
  return createHmac("sha256", signingSecret())
    .update(`verify-email\n${parts.userId}\n${parts.email}\n${parts.expires}\n${parts.nonce}`)
    .digest("base64url");
}

const hashNonce = (nonce: string) => createHash("sha256").update(nonce).digest("hex");

/** A new link for the user's current address (replacing any earlier one), and the email that carries it. */
export async function issueVerificationEmail(
  db: Executor,
  params: { userId: string; email: string; name: string | null; now?: Date },
) {
  const now = params.now ?? new Date();
  const nonce = randomBytes(24).toString("base64url");
  const expires = Math.floor((now.getTime() + VERIFICATION_TTL_MS) / 1000);
  const token = `${params.userId}.${expires}.${nonce}.${sign({ ...params, expires, nonce })}`;
  await replaceEmailVerificationToken(db, {
    userId: params.userId,
    tokenHash: hashNonce(nonce),
    expires: new Date(expires * 1000),
  });
  await queueEmail(db, {
    to: params.email,
    kind: "verify-email",
    ...verifyEmailEmail({ name: params.name, path: `/verify-email?token=${token}` }),
    dedupeKey: `verify-email:${params.userId}:${nonce}`,
  });
}

export type VerificationOutcome = "verified" | "already_verified" | "expired" | "invalid";

/** Follows a link: checks signature and expiry, consumes the stored nonce and marks the address verified. */
export async function verifyEmailToken(db: Executor, token: unknown, now = new Date()): Promise<VerificationOutcome> {
  if (typeof token !== "string" || token.length > 300) return "invalid";
  const parts = token.split(".");
  if (parts.length !== 4) return "invalid";
  const [userId, expiresText, nonce, signature] = parts as [string, string, string, string];
  if (!/^[0-9a-f-]{36}$/.test(userId) || !/^[0-9]{1,12}$/.test(expiresText)) return "invalid";
  const user = await getEmailVerificationState(db, { userId });
  if (!user) return "invalid";
  const expected = Buffer.from(sign({ userId, email: user.email, expires: Number(expiresText), nonce }));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "invalid";
  if (user.emailVerified) return "already_verified";
  if (Number(expiresText) * 1000 <= now.getTime()) return "expired";
  return db.transaction(async (tx) => {
    const consumed = await consumeEmailVerificationToken(tx, { userId, tokenHash: hashNonce(nonce), now });
    if (!consumed) return "invalid";
    return (await markEmailVerified(tx, { userId, email: user.email, at: now })) ? "verified" : "already_verified";
  });
}

export async function isEmailVerified(db: Executor, params: { userId: string }): Promise<boolean> {
  return Boolean((await getEmailVerificationState(db, params))?.emailVerified);
}

/**
 * "Send the link again", at most RESENDS_PER_HOUR times an hour per user (counted in PostgreSQL before anything is
 * sent). Returns false when the address is already verified.
 */
export async function resendVerificationEmail(db: Executor, params: { userId: string; now?: Date }) {
  const now = params.now ?? new Date();
  const user = await getEmailVerificationState(db, { userId: params.userId });
  if (!user) throw new AppError("not_found", "Account not found.");
  if (user.emailVerified) return false;
  const hit = await incrementBucket(db, {
    key: `verify-email:user:${params.userId}`,
    windowMs: RESEND_WINDOW_MS,
    now,
  });
  if (hit.count > RESENDS_PER_HOUR) {
    throw new AppError("rate_limited", "Too many verification emails. Try again in an hour.", {
      retryAfterSeconds: Math.max(1, Math.ceil((hit.windowEnd.getTime() - now.getTime()) / 1000)),
    });
  }
  await db.transaction((tx) =>
    issueVerificationEmail(tx, { userId: params.userId, email: user.email, name: user.name, now }),
  );
  return true;
}
