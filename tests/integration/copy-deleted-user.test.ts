import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyEvents, creatorCredits } from "@/db/schema";
import { recordCopy } from "@/lib/copies/record-copy";
import { AppError } from "@/lib/errors";
import { createTestDb, type TestDb } from "../helpers/db";
import { makeFlows, makeUser } from "../helpers/world";

// The copy route reads the session cookie without reading the users table (one round trip less per copy,
// lib/auth/actor.ts `userCheckedByCaller`): recordCopy's first statement must refuse a user id that has no row.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

describe("recordCopy for a user that no longer exists", () => {
  it("is 401 and writes no copy and no credit", async () => {
    const creator = await makeUser(t.db, "Creator");
    const [slug] = await makeFlows(t.db, { userId: creator.user.id, tenantId: creator.tenant.id }, 1, {
      isPremium: false,
    });
    const error = await recordCopy(t.db, { userId: randomUUID(), slug: slug!, source: "web" }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "unauthorized", status: 401 });
    expect(await t.db.select().from(copyEvents)).toEqual([]);
    expect(await t.db.select().from(creatorCredits)).toEqual([]);
  });
});
