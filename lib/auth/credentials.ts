import "server-only";
import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import { getUserCredentialsByEmail } from "@/db/queries/users";
import type { Executor } from "@/db/types";
import { emailSchema } from "./email";
import { verifyPassword } from "./password";
import { claimLoginAttempt, recordLoginSuccess } from "./throttle";

/** Too many failed attempts: Auth.js puts `code=throttled` in the redirect, our forms show a message. */
export class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}

const credentialsSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

/**
 * Checks an email and password, counting attempts per email and per IP in the database (successes are forgiven).
 * Returns the user, null for bad credentials, or throws ThrottledSignin.
 */
export async function authorizeCredentials(
  db: Executor,
  input: unknown,
  ip: string,
): Promise<{ id: string; email: string; name: string | null } | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;

  // Counted before the password is checked, and decided on the count the database returned (never read, check,
  // then bump: parallel attempts would all read the same count).
  const throttle = await claimLoginAttempt(db, { email, ip });
  if (throttle.throttled) throw new ThrottledSignin();

  const user = await getUserCredentialsByEmail(db, { email });
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!user || !ok) return null;
  await recordLoginSuccess(db, { email, ip });
  return { id: user.id, email: user.email, name: user.name };
}
