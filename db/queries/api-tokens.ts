import { and, desc, eq, sql } from "drizzle-orm";
import { apiTokens, apiTokenUsage, tenants } from "../schema";
import type { ApiScope } from "../schema";
import { oneRow } from "../rows";
import type { Executor } from "../types";

/** Listing columns: never the hash. */
const listColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scopes: apiTokens.scopes,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
  createdAt: apiTokens.createdAt,
};

export async function insertApiToken(
  db: Executor,
  params: {
    userId: string;
    tenantId: string;
    name: string;
    prefix: string;
    tokenHash: string;
    scopes: ApiScope[];
    expiresAt: Date | null;
  },
) {
  return oneRow(await db.insert(apiTokens).values(params).returning(listColumns), "api token");
}

/** The user's tokens with the tenant each belongs to (the plan it acts with). */
export async function listApiTokens(db: Executor, params: { userId: string }) {
  return db
    .select({ ...listColumns, tenantName: tenants.name, tenantKind: tenants.kind })
    .from(apiTokens)
    .innerJoin(tenants, eq(tenants.id, apiTokens.tenantId))
    .where(eq(apiTokens.userId, params.userId))
    .orderBy(desc(apiTokens.createdAt));
}

/** Revokes one of the user's own tokens; false when it is not theirs or already revoked. */
export async function revokeApiToken(db: Executor, params: { userId: string; tokenId: string; at: Date }) {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: params.at })
    .where(
      and(eq(apiTokens.id, params.tokenId), eq(apiTokens.userId, params.userId), sql`${apiTokens.revokedAt} is null`),
    )
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

export async function findApiTokenByHash(db: Executor, params: { tokenHash: string }) {
  const [row] = await db
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      tenantId: apiTokens.tenantId,
      scopes: apiTokens.scopes,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, params.tokenHash));
  return row ?? null;
}

/** Counts one request against the token's day and stamps last_used_at; returns the day's count so far. */
export async function recordApiTokenUse(db: Executor, params: { tokenId: string; now: Date }) {
  const day = params.now.toISOString().slice(0, 10);
  const rows = await db
    .insert(apiTokenUsage)
    .values({ tokenId: params.tokenId, day, requests: 1 })
    .onConflictDoUpdate({
      target: [apiTokenUsage.tokenId, apiTokenUsage.day],
      set: { requests: sql`${apiTokenUsage.requests} + 1` },
    })
    .returning({ requests: apiTokenUsage.requests });
  await db.update(apiTokens).set({ lastUsedAt: params.now }).where(eq(apiTokens.id, params.tokenId));
  return oneRow(rows, "api token usage").requests;
}
