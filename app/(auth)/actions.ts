"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { getDb } from "@/db";
import { oauthProviders, signIn } from "@/lib/auth/config";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { registerUser, registrationSchema } from "@/lib/auth/register";
import { clientIp } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";

export type AuthFormState = {
  error?: string;
  fieldErrors?: Partial<Record<"name" | "email" | "password", string>>;
  /** Echoed back so the form keeps what was typed (never the password). */
  values?: { name?: string; email?: string };
};

function field(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** Signs in with email and password; on success Auth.js redirects to the page the user came from. */
export async function loginAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const email = field(formData, "email");
  const values = { email };
  try {
    await signIn("credentials", {
      email,
      password: field(formData, "password"),
      redirectTo: safeRedirectPath(formData.get("from")),
    });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "throttled") {
      return { values, error: "Too many failed attempts. Wait 15 minutes, then try again." };
    }
    if (error instanceof AuthError) {
      return { values, error: "Wrong email or password." };
    }
    throw error; // Next's redirect on success travels as a thrown value.
  }
}

/** Creates the account and its personal tenant, then signs the new user in. */
export async function registerAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const input = {
    name: field(formData, "name"),
    email: field(formData, "email"),
    password: field(formData, "password"),
  };
  const values = { name: input.name, email: input.email };
  const parsed = registrationSchema.safeParse(input);
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error).fieldErrors;
    return {
      values,
      fieldErrors: { name: flat.name?.[0], email: flat.email?.[0], password: flat.password?.[0] },
    };
  }
  const db = await getDb();
  try {
    await registerUser(db, input, { ip: clientIp(await headers()) });
  } catch (error) {
    if (error instanceof AppError && error.field === "email") {
      return { values, fieldErrors: { email: error.message } };
    }
    if (error instanceof AppError && error.code === "rate_limited") return { values, error: error.message };
    throw error;
  }
  await signIn("credentials", {
    email: parsed.data.email,
    password: input.password,
    redirectTo: safeRedirectPath(formData.get("from"), "/flows"),
  });
  return {};
}

const oauthSchema = z.object({ provider: z.enum(["github", "google"]), from: z.string().optional() });

/** Starts an OAuth sign-in (only offered when the provider's keys are configured). */
export async function oauthSignInAction(formData: FormData): Promise<void> {
  const parsed = oauthSchema.safeParse({ provider: formData.get("provider"), from: formData.get("from") ?? undefined });
  // A provider we do not offer is bad input: back to the form, never a 500.
  if (!parsed.success || !oauthProviders().some((p) => p.id === parsed.data.provider)) redirect("/login");
  await signIn(parsed.data.provider, { redirectTo: safeRedirectPath(parsed.data.from) });
}
