// Issue 11, case 9: a trial starts only for a verified email; registration is rate-limited per IP.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emailOutbox, users, verificationTokens } from "@/db/schema";
import {
  isEmailVerified,
  RESENDS_PER_HOUR,
  resendVerificationEmail,
  verifyEmailToken,
} from "@/lib/auth/email-verification";
import { registerUser, REGISTRATIONS_PER_IP_PER_HOUR } from "@/lib/auth/register";
import { startCheckout } from "@/lib/billing/checkout";
import { AppError } from "@/lib/errors";
import { createTestDb, noticeSkippedWithoutPostgres, onPostgres, type TestDb } from "../helpers/db";
import { makeUser } from "../helpers/world";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

/** The token of the newest verification email sent to `to`, read from the outbox like a person reads their mail. */
async function linkTokenFor(to: string): Promise<string> {
  const mails = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to));
  const verify = mails.filter((m) => m.kind === "verify-email").sort((a, b) => +b.createdAt - +a.createdAt);
  const match = /\/verify-email\?token=([A-Za-z0-9._-]+)/.exec(verify[0]?.textBody ?? "");
  if (!match) throw new Error(`no verification link mailed to ${to}`);
  return match[1]!;
}

const register = (email: string, ip = "203.0.113.10") =>
  registerUser(t.db, { name: "Vera", email, password: "long enough" }, { ip });

describe("email verification links", () => {
  it("registration mails a link; following it verifies the address, once", async () => {
    const { user } = await register("vera@example.com");
    expect(await isEmailVerified(t.db, { userId: user.id })).toBe(false);
    const kinds = (await t.db.select().from(emailOutbox)).map((m) => m.kind).sort();
    expect(kinds).toEqual(["verify-email", "welcome"]);
    const token = await linkTokenFor("vera@example.com");

    expect(await verifyEmailToken(t.db, token)).toBe("verified");
    expect(await isEmailVerified(t.db, { userId: user.id })).toBe(true);
    expect(await verifyEmailToken(t.db, token)).toBe("already_verified");
    expect(await t.db.select().from(verificationTokens)).toEqual([]);
  });

  it("refuses forged, altered, expired, reused and superseded links", async () => {
    const { user } = await register("vera@example.com");
    const token = await linkTokenFor("vera@example.com");
    const [userId, expires, nonce, signature] = token.split(".") as [string, string, string, string];
    const other = await makeUser(t.db, "Other", { unverified: true });

    expect(await verifyEmailToken(t.db, `${userId}.${expires}.${nonce}.${signature.slice(1)}x`)).toBe("invalid");
    expect(await verifyEmailToken(t.db, `${other.user.id}.${expires}.${nonce}.${signature}`)).toBe("invalid");
    expect(await verifyEmailToken(t.db, `${userId}.${Number(expires) + 3600}.${nonce}.${signature}`)).toBe("invalid");
    expect(await verifyEmailToken(t.db, "not a token")).toBe("invalid");
    expect(await verifyEmailToken(t.db, undefined)).toBe("invalid");
    const tomorrow = new Date(Date.now() + 25 * 3_600_000);
    expect(await verifyEmailToken(t.db, token, tomorrow)).toBe("expired");

    // A resend replaces the link: the first one stops working, the new one works.
    expect(await resendVerificationEmail(t.db, { userId: user.id })).toBe(true);
    const fresh = await linkTokenFor("vera@example.com");
    expect(fresh).not.toBe(token);
    expect(await verifyEmailToken(t.db, token)).toBe("invalid");
    expect(await verifyEmailToken(t.db, fresh)).toBe("verified");
    expect(await resendVerificationEmail(t.db, { userId: user.id })).toBe(false);
  });

  it(`resends at most ${RESENDS_PER_HOUR} times an hour`, async () => {
    const { user } = await register("vera@example.com");
    for (let i = 0; i < RESENDS_PER_HOUR; i++) await resendVerificationEmail(t.db, { userId: user.id });
    await expect(resendVerificationEmail(t.db, { userId: user.id })).rejects.toMatchObject({ code: "rate_limited" });
  });
});

describe("the trial needs a verified email", () => {
  it("an unverified member cannot start checkout (no Stripe call); a verified one gets past the check", async () => {
    const { user, tenant } = await makeUser(t.db, "Unverified", { unverified: true });
    const error = await startCheckout(t.db, { userId: user.id, personalTenantId: tenant.id, input: {} }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "email_unverified", status: 403 });
    // With the address verified the checkout goes on to Stripe (not configured here: 503, past our check).
    await t.db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, user.id));
    const next = await startCheckout(t.db, { userId: user.id, personalTenantId: tenant.id, input: {} }).catch(
      (e: unknown) => e,
    );
    expect(next).not.toMatchObject({ code: "email_unverified" });
  });
});

describe("registration is rate-limited per IP", () => {
  noticeSkippedWithoutPostgres("parallel registrations");

  it(`${REGISTRATIONS_PER_IP_PER_HOUR} accounts an hour from one IP; another IP is unaffected`, async () => {
    for (let i = 0; i < REGISTRATIONS_PER_IP_PER_HOUR; i++) await register(`p${i}@example.com`, "198.51.100.1");
    await expect(register("one-more@example.com", "198.51.100.1")).rejects.toMatchObject({
      code: "rate_limited",
      status: 429,
    });
    expect(await t.db.select().from(users).where(eq(users.email, "one-more@example.com"))).toEqual([]);
    await expect(register("elsewhere@example.com", "198.51.100.2")).resolves.toBeTruthy();
  }, 300_000);

  it.skipIf(!onPostgres)(
    "30 parallel registrations from one IP: exactly 10 accounts",
    async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 30 }, (_, i) => register(`burst${i}@example.com`, "198.51.100.3")),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(REGISTRATIONS_PER_IP_PER_HOUR);
      expect(await t.db.select().from(users)).toHaveLength(REGISTRATIONS_PER_IP_PER_HOUR);
    },
    300_000,
  );
});
