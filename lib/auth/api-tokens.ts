import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { insertApiToken, revokeApiToken } from "@/db/queries/api-tokens";
import { getMembership } from "@/db/queries/memberships";
import { getPersonalTenant } from "@/db/queries/users";
import { API_SCOPES } from "@/db/schema";
import type { Executor } from "@/db/types";
import { AppError } from "@/lib/errors";

const TOKEN_PREFIX = "ft_";

/** Only this hash is stored; the token is shown once. SHA-256 suffices: tokens are 256 random bits, not passwords. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX) && value.length > 20 && value.length < 100;
}

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name.").max(80, "Keep the name under 80 characters."),
  scopes: z.array(z.enum(API_SCOPES)).min(1, "Choose at least one scope."),
  expiresInDays: z.coerce.number().int().min(1).max(365).nullable().default(null),
});

/**
 * Creates a token in a tenant the user belongs to (the one they act in; their personal tenant by default). The token
 * acts with that tenant's plan only. Returns the plaintext once, with the stored record.
 */
export async function createApiToken(
  db: Executor,
  params: { userId: string; tenantId?: string | null; input: z.input<typeof createTokenSchema>; now?: Date },
) {
  const input = createTokenSchema.parse(params.input);
  const tenant = params.tenantId
    ? (await getMembership(db, { tenantId: params.tenantId, userId: params.userId }))
      ? { id: params.tenantId }
      : null
    : await getPersonalTenant(db, { userId: params.userId });
  if (!tenant) throw new AppError("not_found", "Team not found.");
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const now = params.now ?? new Date();
  const record = await insertApiToken(db, {
    userId: params.userId,
    tenantId: tenant.id,
    name: input.name,
    prefix: token.slice(0, TOKEN_PREFIX.length + 8),
    tokenHash: hashApiToken(token),
    scopes: [...new Set(input.scopes)],
    expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
  });
  return { token, record };
}

export async function revokeUserApiToken(db: Executor, params: { userId: string; tokenId: string }) {
  const parsed = z.uuid().safeParse(params.tokenId);
  if (!parsed.success || !(await revokeApiToken(db, { userId: params.userId, tokenId: parsed.data, at: new Date() }))) {
    throw new AppError("not_found", "Token not found.");
  }
}
