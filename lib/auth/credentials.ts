import "server-only";
import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import { getUserCredentialsByEmail } from "@/db/queries/users";
import type { Executor } from "@/db/types";
import { emailSchema } from "./email";
import { verifyPassword } from "./password";
import { checkLoginThrottle, recordLoginFailure, recordLoginSuccess } from "./throttle";

/** Too many failed attempts: Auth.js puts `code=throttled` in the redirect, our forms show a message. */
export class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}

const credentialsSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

/**
 * Checks an email and password, counting failures per email and per IP in the database.
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

  const throttle = await checkLoginThrottle(db, { email, ip });
  if (throttle.throttled) throw new ThrottledSignin();

  const user = await getUserCredentialsByEmail(db, { email });
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!user || !ok) {
    await recordLoginFailure(db, { email, ip });
    return null;
  }
  await recordLoginSuccess(db, { email });
  return { id: user.id, email: user.email, name: user.name };
}
