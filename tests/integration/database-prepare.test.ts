import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectPostgres } from "@/db/open";
import { getUserById } from "@/db/queries/users";
import type { Db } from "@/db/types";
import { recordCopy } from "@/lib/copies/record-copy";
import { createTestDb, type TestDb } from "../helpers/db";
import { makeFlows, makeSubscription, makeUser } from "../helpers/world";

// DATABASE_PREPARE (db/open.ts): named prepared statements by default, none at all with DATABASE_PREPARE=false, as
// PgBouncer or Supavisor in transaction mode need (a statement prepared on one server connection does not exist
// on the next). pg_prepared_statements lists the statements prepared in the current session, so each case uses
// a pool of one connection and asks that same connection.

const url = process.env.DATABASE_URL;
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

async function copiesThrough(prepare: string | undefined) {
  const previous = process.env.DATABASE_PREPARE;
  if (prepare === undefined) delete process.env.DATABASE_PREPARE;
  else process.env.DATABASE_PREPARE = prepare;
  const { client, db } = connectPostgres(url!, { max: 1 });
  if (previous === undefined) delete process.env.DATABASE_PREPARE;
  else process.env.DATABASE_PREPARE = previous;
  try {
    await t.reset();
    const creator = await makeUser(t.db, "Creator");
    const reader = await makeUser(t.db, "Reader");
    await makeSubscription(t.db, reader.tenant.id);
    const slugs = await makeFlows(t.db, { userId: creator.user.id, tenantId: creator.tenant.id }, 5);
    const results = [];
    for (const slug of [...slugs, slugs[0]!]) {
      results.push(await recordCopy(db as unknown as Db, { userId: reader.user.id, slug, source: "api" }));
    }
    expect(await getUserById(db as unknown as Db, { userId: reader.user.id })).toMatchObject({ id: reader.user.id });
    const [row] = (await db.execute(sql`select count(*)::int as n from pg_prepared_statements`)) as unknown as Array<{
      n: number;
    }>;
    return {
      counted: results.filter((r) => r.copy.countedForPayout && !r.copy.alreadyCopied).length,
      repeats: results.filter((r) => r.copy.alreadyCopied).length,
      prepared: row!.n,
    };
  } finally {
    await client.end({ timeout: 5 });
  }
}

describe.skipIf(!url)("DATABASE_PREPARE", () => {
  it("default: the copy engine and Drizzle's queries run as named prepared statements", async () => {
    const result = await copiesThrough(undefined);
    expect(result).toMatchObject({ counted: 5, repeats: 1 });
    expect(result.prepared).toBeGreaterThan(0);
  });

  it("false: the same copies with no prepared statement at all on the connection", async () => {
    expect(await copiesThrough("false")).toEqual({ counted: 5, repeats: 1, prepared: 0 });
  });

  it("refuses a value that is neither true nor false", () => {
    const previous = process.env.DATABASE_PREPARE;
    process.env.DATABASE_PREPARE = "maybe";
    try {
      expect(() => connectPostgres(url!, { max: 1 })).toThrow(/DATABASE_PREPARE must be true or false/);
    } finally {
      if (previous === undefined) delete process.env.DATABASE_PREPARE;
      else process.env.DATABASE_PREPARE = previous;
    }
  });
});

describe.skipIf(url)("DATABASE_PREPARE on PGlite", () => {
  it.skip("needs PostgreSQL (DATABASE_URL): PGlite has no connection pool and no prepared-statement switch", () => {});
});
