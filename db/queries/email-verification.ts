import { and, eq, gt, isNull } from "drizzle-orm";
import { users, verificationTokens } from "../schema";
import type { Executor } from "../types";

// Email verification links (lib/auth/email-verification.ts): one live link per user, stored only as a hash in the
// Auth.js verification_tokens table under the identifier "verify-email:<userId>".

const identifierFor = (userId: string) => `verify-email:${userId}`;

/** Replaces the user's live link (a resend invalidates the previous one). */
export async function replaceEmailVerificationToken(
  db: Executor,
  params: { userId: string; tokenHash: string; expires: Date },
) {
  const identifier = identifierFor(params.userId);
  await db.delete(verificationTokens).where(eq(verificationTokens.identifier, identifier));
  await db.insert(verificationTokens).values({ identifier, token: params.tokenHash, expires: params.expires });
}

/** Takes the link out of the table (single use): true when it was there and unexpired. */
export async function consumeEmailVerificationToken(
  db: Executor,
  params: { userId: string; tokenHash: string; now: Date },
): Promise<boolean> {
  const rows = await db
    .delete(verificationTokens)
    .where(
      and(
        eq(verificationTokens.identifier, identifierFor(params.userId)),
        eq(verificationTokens.token, params.tokenHash),
        gt(verificationTokens.expires, params.now),
      ),
    )
    .returning({ token: verificationTokens.token });
  return rows.length === 1;
}

/** Marks the address verified, only if it is still the user's address. */
export async function markEmailVerified(db: Executor, params: { userId: string; email: string; at: Date }) {
  const rows = await db
    .update(users)
    .set({ emailVerified: params.at, updatedAt: params.at })
    .where(and(eq(users.id, params.userId), eq(users.email, params.email), isNull(users.emailVerified)))
    .returning({ id: users.id });
  return rows.length === 1;
}

export async function getEmailVerificationState(db: Executor, params: { userId: string }) {
  const [row] = await db
    .select({ email: users.email, name: users.name, emailVerified: users.emailVerified })
    .from(users)
    .where(eq(users.id, params.userId));
  return row ?? null;
}
