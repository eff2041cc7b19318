import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, sessionTokenFrom } from "@/lib/auth/session-token";

// lib/auth/session-token.ts must accept exactly the session tokens Auth.js itself accepts: tokens are made here
// by Auth.js's own encode(), and every answer is compared with Auth.js's own decode().

const SECRET = "unit-test-secret-0123456789abcdef";
const SALT = "authjs.session-token";
const now = () => Math.floor(Date.now() / 1000);

async function authJsDecode(token: string, secret = SECRET, salt = SALT) {
  return decode({ token, secret, salt }).catch(() => null);
}

function flip(token: string, part: number): string {
  const parts = token.split(".");
  const bytes = Buffer.from(parts[part]!, "base64url");
  bytes[bytes.length - 1] ^= 1;
  parts[part] = bytes.toString("base64url");
  return parts.join(".");
}

describe("decodeSessionToken", () => {
  it("reads what Auth.js wrote: the same payload as Auth.js's decode", async () => {
    const token = await encode({
      token: { uid: "4f6c2d3e-user", name: "Ann", email: "a@x.dev" },
      secret: SECRET,
      salt: SALT,
    });
    const ours = decodeSessionToken(token, SECRET, SALT);
    expect(ours).toEqual(await authJsDecode(token));
    expect(ours).toMatchObject({ uid: "4f6c2d3e-user", name: "Ann", email: "a@x.dev" });
  });

  it("refuses a token of another secret or another cookie name, like Auth.js", async () => {
    const token = await encode({ token: { uid: "u1" }, secret: SECRET, salt: SALT });
    expect(decodeSessionToken(token, "another-secret-0123456789abcdef", SALT)).toBeNull();
    expect(await authJsDecode(token, "another-secret-0123456789abcdef")).toBeNull();
    expect(decodeSessionToken(token, SECRET, `__Secure-${SALT}`)).toBeNull();
    expect(await authJsDecode(token, SECRET, `__Secure-${SALT}`)).toBeNull();
  });

  it("refuses any tampered part: header, IV, ciphertext, tag", async () => {
    const token = await encode({ token: { uid: "u1" }, secret: SECRET, salt: SALT });
    for (const part of [0, 2, 3, 4]) {
      const bad = flip(token, part);
      expect(decodeSessionToken(bad, SECRET, SALT)).toBeNull();
      expect(await authJsDecode(bad)).toBeNull();
    }
    expect(decodeSessionToken(token.split(".").slice(0, 4).join("."), SECRET, SALT)).toBeNull();
    expect(decodeSessionToken("not a token", SECRET, SALT)).toBeNull();
  });

  it("refuses an expired token (15 s tolerance, like Auth.js) and accepts it just inside the tolerance", async () => {
    const token = await encode({ token: { uid: "u1" }, secret: SECRET, salt: SALT, maxAge: 60 });
    const exp = decodeSessionToken(token, SECRET, SALT)!.exp as number;
    expect(exp).toBeGreaterThan(now());
    expect(decodeSessionToken(token, SECRET, SALT, exp + 14)).toMatchObject({ uid: "u1" });
    expect(decodeSessionToken(token, SECRET, SALT, exp + 16)).toBeNull();
    const expired = await encode({ token: { uid: "u1" }, secret: SECRET, salt: SALT, maxAge: -60 });
    expect(decodeSessionToken(expired, SECRET, SALT)).toBeNull();
    expect(await authJsDecode(expired)).toBeNull();
  });

  it("refuses a token whose kid names another key", async () => {
    const token = await encode({ token: { uid: "u1" }, secret: SECRET, salt: SALT });
    const [header, ...rest] = token.split(".");
    const json = JSON.parse(Buffer.from(header!, "base64url").toString()) as Record<string, unknown>;
    const other = Buffer.from(JSON.stringify({ ...json, kid: "another-key" })).toString("base64url");
    expect(decodeSessionToken([other, ...rest].join("."), SECRET, SALT)).toBeNull();
  });
});

describe("sessionTokenFrom", () => {
  it("takes the cookie, or joins its chunks in order, ignoring other cookies", () => {
    expect(sessionTokenFrom([{ name: SALT, value: "abc" }], SALT)).toBe("abc");
    const chunks = [
      { name: `${SALT}.1`, value: "def" },
      { name: "other", value: "x" },
      { name: `${SALT}.0`, value: "abc" },
      { name: `${SALT}.10`, value: "jkl" },
      { name: `${SALT}.2`, value: "ghi" },
    ];
    expect(sessionTokenFrom(chunks, SALT)).toBe("abcdefghijkl");
    expect(sessionTokenFrom([{ name: `__Secure-${SALT}`, value: "abc" }], SALT)).toBeNull();
    expect(sessionTokenFrom([], SALT)).toBeNull();
  });
});
