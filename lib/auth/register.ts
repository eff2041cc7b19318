import "server-only";
import { z } from "zod";
import { createUserWithPersonalTenant } from "@/db/queries/users";
import type { Executor } from "@/db/types";
import { queueEmail } from "@/lib/email/outbox";
import { welcomeEmail } from "@/lib/email/templates";
import { AppError } from "@/lib/errors";
import { emailSchema } from "./email";
import { hashPassword } from "./password";

export const registrationSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(80, "Keep your name under 80 characters."),
  email: emailSchema,
  password: z.string().min(8, "Use at least 8 characters.").max(128, "Use at most 128 characters."),
});

export type RegistrationInput = z.input<typeof registrationSchema>;

/** Creates an account and its personal tenant. Throws a validation error naming the field at fault. */
export async function registerUser(db: Executor, input: RegistrationInput) {
  const data = registrationSchema.parse(input);
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
