"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { createApiToken, createTokenSchema, revokeUserApiToken } from "@/lib/auth/api-tokens";
import { requireSessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getActingContext } from "@/lib/tenancy/session-tenant";

export type CreateTokenState = {
  token?: string;
  name?: string;
  fieldErrors?: Partial<Record<"name" | "scopes" | "expiresInDays", string>>;
};

/** Creates a token; its plaintext is returned once and never stored. */
export async function createTokenAction(_prev: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  const user = await requireSessionUser();
  const expires = formData.get("expiresInDays");
  const input = {
    name: String(formData.get("name") ?? ""),
    scopes: formData.getAll("scopes").map(String),
    expiresInDays: expires === "" || expires === "never" || expires === null ? null : String(expires),
  };
  const parsed = createTokenSchema.safeParse(input);
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error).fieldErrors;
    return { fieldErrors: { name: flat.name?.[0], scopes: flat.scopes?.[0], expiresInDays: flat.expiresInDays?.[0] } };
  }
  const db = await getDb();
  // The token belongs to the tenant the user acts in (chosen in the header) and uses that tenant's plan.
  const { tenantId } = await getActingContext(db, user.id);
  const { token, record } = await createApiToken(db, { userId: user.id, tenantId, input: parsed.data });
  revalidatePath("/account/tokens");
  return { token, name: record.name };
}

export async function revokeTokenAction(formData: FormData): Promise<void> {
  const user = await requireSessionUser();
  try {
    await revokeUserApiToken(await getDb(), { userId: user.id, tokenId: String(formData.get("tokenId") ?? "") });
  } catch (error) {
    if (!(error instanceof AppError && error.code === "not_found")) throw error;
  }
  revalidatePath("/account/tokens");
}
