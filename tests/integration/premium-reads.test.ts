// Issue 11, case 2: the JSON read never carries a premium prompt, and reader views share the copy rate limit.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getFlowBySlug } from "@/db/queries/flows";
import { countReaderView, peekCopyRate } from "@/lib/copies/rate-limit";
import { recordCopy } from "@/lib/copies/record-copy";
import { getFreeFlowText } from "@/lib/flows/flow-text";
import { toFlowJson } from "@/lib/flows/public-json";
import { COPY_RATE_LIMIT_PER_MINUTE } from "@/lib/plans";
import { createTestDb, type TestDb } from "../helpers/db";
import { makeFlows, makeSubscription, makeUser } from "../helpers/world";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

async function world() {
  const creator = await makeUser(t.db, "Creator");
  const reader = await makeUser(t.db, "Reader");
  await makeSubscription(t.db, reader.tenant.id);
  const owner = { userId: creator.user.id, tenantId: creator.tenant.id };
  const premium = await makeFlows(t.db, owner, 3, { prefix: "premium" });
  const free = await makeFlows(t.db, owner, 1, { prefix: "free", isPremium: false });
  return { reader, premium, free };
}

describe("the flow JSON (GET /api/v1/flows/{slug})", () => {
  it("has a free flow's promptText and never a premium one's, whoever asks", async () => {
    const { premium, free } = await world();
    const premiumFlow = (await getFlowBySlug(t.db, { slug: premium[0]! }))!;
    const freeFlow = (await getFlowBySlug(t.db, { slug: free[0]! }))!;
    expect(toFlowJson(premiumFlow, await getFreeFlowText(t.db, { flow: premiumFlow }))).not.toHaveProperty(
      "promptText",
    );
    expect(toFlowJson(freeFlow, await getFreeFlowText(t.db, { flow: freeFlow })).promptText).toBe(
      "Secret prompt text 1",
    );
    // Even handed a premium text by mistake, the shape drops it.
    expect(
      toFlowJson(premiumFlow, { promptText: "Secret prompt text 1", steps: [] }) as Record<string, unknown>,
    ).not.toHaveProperty("promptText");
  });
});

/** A fixed instant inside the test subscription's period: the start of the next minute plus `seconds`. */
const inMinute = (minutes: number, seconds: number) =>
  new Date((Math.floor(Date.now() / 60_000) + 1 + minutes) * 60_000 + seconds * 1000);

describe("reader views share the per-user limit with copies", () => {
  it(`${COPY_RATE_LIMIT_PER_MINUTE} views in a minute, then a copy is refused (429)`, async () => {
    const { reader, premium } = await world();
    const now = inMinute(0, 5);
    for (let i = 0; i < COPY_RATE_LIMIT_PER_MINUTE; i++) {
      expect(await countReaderView(t.db, { userId: reader.user.id, now })).toEqual({ allowed: true });
    }
    expect(await peekCopyRate(t.db, { userId: reader.user.id, now })).toEqual({
      allowed: false,
      retryAfterSeconds: 55,
    });
    const error = await recordCopy(t.db, { userId: reader.user.id, slug: premium[0]!, source: "web", now }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "rate_limited", retryAfterSeconds: 55 });
  });

  it("copies count against views: the view after the 120th hit is refused, the next minute is open again", async () => {
    const { reader, premium } = await world();
    const now = inMinute(0, 0);
    for (const slug of premium) {
      const copy = await recordCopy(t.db, { userId: reader.user.id, slug, source: "web", now });
      expect(copy.copy.alreadyCopied).toBe(false);
    }
    for (let i = 0; i < COPY_RATE_LIMIT_PER_MINUTE - premium.length; i++) {
      expect((await countReaderView(t.db, { userId: reader.user.id, now })).allowed).toBe(true);
    }
    expect(await countReaderView(t.db, { userId: reader.user.id, now })).toEqual({
      allowed: false,
      retryAfterSeconds: 60,
    });
    const later = inMinute(1, 0);
    expect(await countReaderView(t.db, { userId: reader.user.id, now: later })).toEqual({ allowed: true });
  });
});
