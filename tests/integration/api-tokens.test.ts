import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "@/db/rows";
import { createApiToken, revokeUserApiToken } from "@/lib/auth/api-tokens";
import { requireActor } from "@/lib/auth/actor";
import { PLANS } from "@/lib/plans";
import { createTestDb, type TestDb } from "../helpers/db";
import { makeUser } from "../helpers/world";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

const bearer = (token: string) =>
  new Request("http://localhost/api/v1/flows", { headers: { authorization: `Bearer ${token}` } });

describe("API tokens", () => {
  it("authenticates with the token and stores only its hash and prefix", async () => {
    const { user } = await makeUser(t.db, "Ann");
    const { token, record } = await createApiToken(t.db, {
      userId: user.id,
      input: { name: "script", scopes: ["flows:read"] },
    });
    expect(token).toMatch(/^ft_/);
    expect(record.prefix).toBe(token.slice(0, 11));
    const actor = await requireActor(t.db, bearer(token), "flows:read");
    expect(actor).toMatchObject({ kind: "token", userId: user.id });
    // The plaintext appears in no column of any table.
    const tables = await queryRows<{ name: string }>(
      t.db,
      sql`select tablename as name from pg_tables where schemaname = 'public'`,
    );
    for (const { name } of tables) {
      const hits = await queryRows(t.db, sql.raw(`select 1 from "${name}" t where t::text like '%${token}%'`));
      expect(hits, name).toHaveLength(0);
    }
  });

  it("enforces scopes: a read-only token cannot copy (403)", async () => {
    const { user } = await makeUser(t.db, "Ann");
    const { token } = await createApiToken(t.db, { userId: user.id, input: { name: "read", scopes: ["flows:read"] } });
    await expect(requireActor(t.db, bearer(token), "flows:copy")).rejects.toMatchObject({ status: 403 });
  });

  it("revoked, expired, unknown and malformed tokens are 401", async () => {
    const { user } = await makeUser(t.db, "Ann");
    const { token, record } = await createApiToken(t.db, {
      userId: user.id,
      input: { name: "x", scopes: ["flows:read"], expiresInDays: 1 },
    });
    await revokeUserApiToken(t.db, { userId: user.id, tokenId: record.id });
    await expect(requireActor(t.db, bearer(token))).rejects.toMatchObject({ status: 401 });

    const fresh = await createApiToken(t.db, {
      userId: user.id,
      input: { name: "y", scopes: ["flows:read"], expiresInDays: 1 },
    });
    const later = new Date(Date.now() + 2 * 86_400_000);
    const { getActor } = await import("@/lib/auth/actor");
    await expect(getActor(t.db, bearer(fresh.token), later)).rejects.toMatchObject({ status: 401 });

    await expect(requireActor(t.db, bearer("ft_" + "x".repeat(40)))).rejects.toMatchObject({ status: 401 });
    await expect(requireActor(t.db, bearer("not-a-token"))).rejects.toMatchObject({ status: 401 });
  });

  it("another user cannot revoke my token", async () => {
    const a = await makeUser(t.db, "Ann");
    const b = await makeUser(t.db, "Bob");
    const { token, record } = await createApiToken(t.db, {
      userId: a.user.id,
      input: { name: "x", scopes: ["flows:read"] },
    });
    await expect(revokeUserApiToken(t.db, { userId: b.user.id, tokenId: record.id })).rejects.toMatchObject({
      status: 404,
    });
    await expect(requireActor(t.db, bearer(token))).resolves.toMatchObject({ userId: a.user.id });
  });

  it(`the free plan's daily quota (${PLANS.free.apiRequestsPerDay}) gives 429 with Retry-After until UTC midnight`, async () => {
    const { user } = await makeUser(t.db, "Ann");
    const { token, record } = await createApiToken(t.db, {
      userId: user.id,
      input: { name: "x", scopes: ["flows:read"] },
    });
    const day = new Date().toISOString().slice(0, 10);
    await t.db.execute(
      sql`insert into api_token_usage (token_id, day, requests) values (${record.id}, ${day}, ${PLANS.free.apiRequestsPerDay - 1})`,
    );
    await expect(requireActor(t.db, bearer(token))).resolves.toBeTruthy();
    const error = await requireActor(t.db, bearer(token)).catch((e) => e);
    expect(error).toMatchObject({ status: 429, code: "quota_exceeded" });
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(86_400);
  });
});
