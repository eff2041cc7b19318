import "server-only";
import { z } from "zod";
import { incrementBucket } from "@/db/queries/rate-limits";
import { createUserWithPersonalTenant } from "@/db/queries/users";
import type { Executor } from "@/db/types";
import { queueEmail } from "@/lib/email/outbox";
import { welcomeEmail } from "@/lib/email/templates";
import { AppError } from "@/lib/errors";
import { emailSchema } from "./email";
import { issueVerificationEmail } from "./email-verification";
import { hashPassword } from "./password";

export const registrationSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(80, "Keep your name under 80 characters."),
  email: emailSchema,
  password: z.string().min(8, "Use at least 8 characters.").max(128, "Use at most 128 characters."),
});

export type RegistrationInput = z.input<typeof registrationSchema>;

/** Accounts a single IP may create per hour (counted in PostgreSQL, so every app instance shares the limit). */
export const REGISTRATIONS_PER_IP_PER_HOUR = 10;
const REGISTRATION_WINDOW_MS = 60 * 60 * 1000;

/**
 * Creates an account and its personal tenant, and mails the welcome and the email-verification link (a trial
 * starts only for a verified address). Throws a validation error naming the field at fault, or 429 when `ip`
 * created too many accounts this hour: the attempt is counted first, atomically, and decided on the count.
 */
export async function registerUser(db: Executor, input: RegistrationInput, options: { ip?: string; now?: Date } = {}) {
  const data = registrationSchema.parse(input);
  if (options.ip !== undefined) await claimRegistrationSlot(db, { ip: options.ip, now: options.now });
  const passwordHash = await hashPassword(data.password);
  const created = await db.transaction(async (tx) => {
    const result = await createUserWithPersonalTenant(tx, { email: data.email, name: data.name, passwordHash });
    if (result) {
      await queueEmail(tx, {
        to: result.user.email,
        kind: "welcome",
        ...welcomeEmail({ name: result.user.name }),
        dedupeKey: `welcome:${result.user.id}`,
      });
      await issueVerificationEmail(tx, { userId: result.user.id, email: result.user.email, name: result.user.name });
    }
    return result;
  });
  if (!created) {
    throw new AppError("conflict", "An account with this email already exists. Sign in instead.", {
      field: "email",
    });
  }
  return created;
}

async function claimRegistrationSlot(db: Executor, params: { ip: string; now?: Date }) {
  const now = params.now ?? new Date();
  const hit = await incrementBucket(db, {
    key: `register:ip:${params.ip}`,
    windowMs: REGISTRATION_WINDOW_MS,
    now,
  });
  if (hit.count > REGISTRATIONS_PER_IP_PER_HOUR) {
    throw new AppError("rate_limited", "Too many accounts were created from your network. Try again in an hour.", {
      retryAfterSeconds: Math.max(1, Math.ceil((hit.windowEnd.getTime() - now.getTime()) / 1000)),
    });
  }
}
