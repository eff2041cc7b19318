import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emailOutbox, rateLimitBuckets, tenantMembers, tenants, users } from "@/db/schema";
import { pruneRateLimitWindows } from "@/lib/maintenance";
import { authorizeCredentials, ThrottledSignin } from "@/lib/auth/credentials";
import { registerUser } from "@/lib/auth/register";
import { LOGIN_WINDOW_MS, MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";
import { createTestDb, noticeSkippedWithoutPostgres, onPostgres, type TestDb } from "../helpers/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

describe("registerUser", () => {
  it("creates the user, a personal tenant and the owner membership together", async () => {
    const { user, tenant } = await registerUser(t.db, {
      name: "Ann",
      email: "  Ann@Example.COM ",
      password: "long enough",
    });
    expect(user.email).toBe("ann@example.com");
    expect(tenant.kind).toBe("personal");
    const members = await t.db.select().from(tenantMembers).where(eq(tenantMembers.tenantId, tenant.id));
    expect(members).toEqual([expect.objectContaining({ userId: user.id, role: "owner" })]);
    const [stored] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(stored!.passwordHash).toMatch(/^scrypt\$/);
    expect(stored!.passwordHash).not.toContain("long enough");
    const mail = await t.db.select().from(emailOutbox).orderBy(emailOutbox.kind);
    expect(mail).toEqual([
      expect.objectContaining({ toAddress: "ann@example.com", kind: "verify-email" }),
      expect.objectContaining({ toAddress: "ann@example.com", kind: "welcome" }),
    ]);
    expect(stored!.emailVerified).toBeNull();
  });

  it("refuses a duplicate email (whatever its case) and writes nothing", async () => {
    await registerUser(t.db, { name: "Ann", email: "ann@example.com", password: "long enough" });
    const error = await registerUser(t.db, { name: "Ann 2", email: "ANN@example.com", password: "long enough" }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "conflict", field: "email" });
    expect(await t.db.select().from(users)).toHaveLength(1);
    expect(await t.db.select().from(tenants)).toHaveLength(1);
  });

  it("names the field at fault for bad input", async () => {
    await expect(
      registerUser(t.db, { name: "", email: "x@example.com", password: "long enough" }),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["name"] })],
    });
    await expect(
      registerUser(t.db, { name: "Bo", email: "not-an-email", password: "long enough" }),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["email"] })],
    });
    await expect(registerUser(t.db, { name: "Bo", email: "bo@example.com", password: "short" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["password"] })],
    });
    expect(await t.db.select().from(users)).toHaveLength(0);
  });
});

describe("authorizeCredentials and login throttling", () => {
  beforeEach(async () => {
    await registerUser(t.db, { name: "Ann", email: "ann@example.com", password: "right password" });
  });

  it("accepts the right password whatever the email's case, refuses a wrong one", async () => {
    await expect(
      authorizeCredentials(t.db, { email: "ANN@example.com", password: "right password" }, "1.1.1.1"),
    ).resolves.toMatchObject({
      email: "ann@example.com",
    });
    await expect(
      authorizeCredentials(t.db, { email: "ann@example.com", password: "wrong" }, "1.1.1.1"),
    ).resolves.toBeNull();
    await expect(
      authorizeCredentials(t.db, { email: "nobody@example.com", password: "wrong" }, "1.1.1.1"),
    ).resolves.toBeNull();
  });

  it(`blocks an email after ${MAX_FAILURES_PER_EMAIL} failures, even with the right password, from any IP`, async () => {
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      await authorizeCredentials(t.db, { email: "ann@example.com", password: "wrong" }, `10.0.0.${i}`);
    }
    await expect(
      authorizeCredentials(t.db, { email: "ann@example.com", password: "right password" }, "10.9.9.9"),
    ).rejects.toBeInstanceOf(ThrottledSignin);
  });

  it(`blocks an IP after ${MAX_FAILURES_PER_IP} failures across emails`, async () => {
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await authorizeCredentials(t.db, { email: `guess${i}@example.com`, password: "wrong" }, "203.0.113.7");
    }
    await expect(
      authorizeCredentials(t.db, { email: "ann@example.com", password: "right password" }, "203.0.113.7"),
    ).rejects.toBeInstanceOf(ThrottledSignin);
    // Another IP is unaffected.
    await expect(
      authorizeCredentials(t.db, { email: "ann@example.com", password: "right password" }, "203.0.113.8"),
    ).resolves.toMatchObject({ email: "ann@example.com" });
  }, 180_000);

  it("a success clears the email's failures", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) {
      await authorizeCredentials(t.db, { email: "ann@example.com", password: "wrong" }, "1.1.1.1");
    }
    await authorizeCredentials(t.db, { email: "ann@example.com", password: "right password" }, "1.1.1.1");
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) {
      await authorizeCredentials(t.db, { email: "ann@example.com", password: "wrong" }, "1.1.1.1");
    }
    await expect(
      authorizeCredentials(t.db, { email: "ann@example.com", password: "right password" }, "1.1.1.1"),
    ).resolves.not.toBeNull();
    expect(LOGIN_WINDOW_MS).toBe(15 * 60 * 1000);
  });
});

describe("login throttling under parallel attempts (issue 11, case 8)", () => {
  noticeSkippedWithoutPostgres("parallel sign-in attempts");
  beforeEach(async () => {
    await registerUser(t.db, { name: "Ann", email: "ann@example.com", password: "right password" });
  });

  /** Runs the attempts at once and sorts them: null = the password was checked (and wrong). */
  async function attempt(list: Array<{ email: string; ip: string }>) {
    const outcomes = await Promise.allSettled(
      list.map((a) => authorizeCredentials(t.db, { email: a.email, password: "wrong password" }, a.ip)),
    );
    const checked = outcomes.filter((o) => o.status === "fulfilled" && o.value === null).length;
    const throttled = outcomes.filter((o) => o.status === "rejected" && o.reason instanceof ThrottledSignin).length;
    return { checked, throttled };
  }

  it.skipIf(!onPostgres)(
    "200 parallel wrong passwords for one email: exactly 5 reach the password check",
    async () => {
      const list = Array.from({ length: 200 }, (_, i) => ({ email: "ann@example.com", ip: `198.51.100.${i}` }));
      expect(await attempt(list)).toEqual({ checked: MAX_FAILURES_PER_EMAIL, throttled: 200 - MAX_FAILURES_PER_EMAIL });
      // Still blocked afterwards, with the right password too.
      await expect(
        authorizeCredentials(t.db, { email: "ann@example.com", password: "right password" }, "203.0.113.1"),
      ).rejects.toBeInstanceOf(ThrottledSignin);
    },
    120_000,
  );

  it.skipIf(!onPostgres)(
    "200 parallel attempts from one IP across emails: exactly 30 are checked",
    async () => {
      const list = Array.from({ length: 200 }, (_, i) => ({ email: `guess-${i}@example.com`, ip: "198.51.100.7" }));
      expect(await attempt(list)).toEqual({ checked: MAX_FAILURES_PER_IP, throttled: 200 - MAX_FAILURES_PER_IP });
    },
    180_000,
  );

  it("a successful sign-in does not count against its IP; a failure does", async () => {
    const ipCount = async () =>
      (await t.db.select().from(rateLimitBuckets).where(eq(rateLimitBuckets.key, "login:ip:198.51.100.9")))[0]?.count;
    await authorizeCredentials(t.db, { email: "ann@example.com", password: "right password" }, "198.51.100.9");
    await authorizeCredentials(t.db, { email: "ann@example.com", password: "right password" }, "198.51.100.9");
    expect(await ipCount()).toBe(0);
    await authorizeCredentials(t.db, { email: "ann@example.com", password: "wrong" }, "198.51.100.9");
    expect(await ipCount()).toBe(1);
  });
});

describe("pruneRateLimitWindows", () => {
  it("drops windows older than a day and keeps current ones", async () => {
    const now = new Date("2026-11-22T12:00:00Z");
    await t.db.insert(rateLimitBuckets).values([
      { key: "login:email:old@example.com", windowStart: new Date("2026-11-20T12:00:00Z"), count: 5 },
      { key: "login:email:new@example.com", windowStart: new Date("2026-11-22T11:45:00Z"), count: 2 },
    ]);
    await pruneRateLimitWindows(t.db, now);
    expect((await t.db.select().from(rateLimitBuckets)).map((b) => b.key)).toEqual(["login:email:new@example.com"]);
  });
});
