import "server-only";
import { createDecipheriv, createHash, createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

// Reads the Auth.js session cookie (a JWE) without running Auth.js for every request.
//
// `auth()` from Auth.js rebuilds its whole configuration, builds a Request to its own /session action, derives
// the encryption key (HKDF) and decrypts the token with WebCrypto, runs the callbacks, then derives the key again
// and re-encrypts the token to refresh a cookie that a route handler or a server component never sends back,
// and answers with a Response whose JSON is parsed again. That was the largest CPU cost of an API request
// (profile in README "Benchmarks"). This module does what that path decides, once per request, synchronously:
// the cookie Auth.js would read (same name, chunks joined), the key derived once per process, the same
// algorithms Auth.js writes (alg "dir", enc "A256CBC-HS512", kid = the key's JWK thumbprint), the same expiry
// check (15 s clock tolerance). The callbacks in lib/auth/config.ts only copy the user id (`uid`) into the
// session, so `uid` is the session's user id; a rule added to those callbacks must be added here too.
// Sign-in, sign-out and cookie refresh stay with Auth.js (/api/auth/*).

const COOKIE = "authjs.session-token";
const CLOCK_TOLERANCE_S = 15;

type Key = { mac: Buffer; enc: Buffer; kid: string };
const keys = new Map<string, Key>();

/** HKDF as Auth.js derives its A256CBC-HS512 key (salt = the cookie name), done once per secret and cookie name. */
function keyFor(secret: string, salt: string): Key {
  const id = `${salt}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    const raw = Buffer.from(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64));
    // RFC 7638 thumbprint of the symmetric JWK, hashed with SHA-512 as Auth.js does for a 64-byte key.
    const kid = createHash("sha512")
      .update(JSON.stringify({ k: raw.toString("base64url"), kty: "oct" }))
      .digest("base64url");
    key = { mac: raw.subarray(0, 32), enc: raw.subarray(32), kid };
    keys.set(id, key);
  }
  return key;
}

/**
 * The payload of a session token Auth.js encoded with `secret` under cookie name `salt`, or null when it is not
 * one (malformed, another key, tampered with, expired or not yet valid).
 */
export function decodeSessionToken(
  token: string,
  secret: string,
  salt: string,
  nowSeconds = Date.now() / 1000,
): Record<string, unknown> | null {
  const parts = token.split(".");
  if (parts.length !== 5) return null;
  const [protectedHeader, encryptedKey, iv, ciphertext, tag] = parts as [string, string, string, string, string];
  try {
    const header = JSON.parse(Buffer.from(protectedHeader, "base64url").toString()) as Record<string, unknown>;
    if (header.alg !== "dir" || header.enc !== "A256CBC-HS512" || encryptedKey !== "") return null;
    if (header.zip !== undefined || header.crit !== undefined) return null;
    const key = keyFor(secret, salt);
    if (header.kid !== undefined && header.kid !== key.kid) return null;

    const ivBytes = Buffer.from(iv, "base64url");
    const cipherBytes = Buffer.from(ciphertext, "base64url");
    const tagBytes = Buffer.from(tag, "base64url");
    if (ivBytes.length !== 16 || tagBytes.length !== 32) return null;
    // RFC 7518 5.2.2: the tag is the first half of HMAC-SHA-512(AAD || IV || ciphertext || AAD length in bits).
    const aad = Buffer.from(protectedHeader, "ascii");
    const aadBits = Buffer.alloc(8);
    aadBits.writeBigUInt64BE(BigInt(aad.length * 8));
    const expected = createHmac("sha512", key.mac)
      .update(aad)
      .update(ivBytes)
      .update(cipherBytes)
      .update(aadBits)
      .digest()
      .subarray(0, 32);
    if (!timingSafeEqual(expected, tagBytes)) return null;
    const decipher = createDecipheriv("aes-256-cbc", key.enc, ivBytes);
    const plaintext = Buffer.concat([decipher.update(cipherBytes), decipher.final()]);

    const payload = JSON.parse(plaintext.toString()) as unknown;
    if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return null;
    const claims = payload as Record<string, unknown>;
    if (claims.exp !== undefined && (typeof claims.exp !== "number" || claims.exp <= nowSeconds - CLOCK_TOLERANCE_S)) {
      return null;
    }
    if (claims.nbf !== undefined && (typeof claims.nbf !== "number" || claims.nbf > nowSeconds + CLOCK_TOLERANCE_S)) {
      return null;
    }
    return claims;
  } catch {
    return null;
  }
}

/**
 * The name of the session cookie Auth.js reads for a request: `__Secure-` prefixed when the site is https. Auth.js
 * decides from AUTH_URL (or NEXTAUTH_URL) when set, else from X-Forwarded-Proto (which Next sets), else https.
 */
function sessionCookieName(forwardedProto: string | null): string {
  const { AUTH_URL, NEXTAUTH_URL } = env();
  const configured = AUTH_URL ?? NEXTAUTH_URL;
  const protocol = configured ? new URL(configured).protocol : `${(forwardedProto ?? "https").replace(/:$/, "")}:`;
  return protocol === "https:" ? `__Secure-${COOKIE}` : COOKIE;
}

/** The session token from the request's cookies: the cookie itself, or its chunks `name.0`, `name.1`... joined. */
export function sessionTokenFrom(cookies: Array<{ name: string; value: string }>, name: string): string | null {
  const whole = cookies.find((c) => c.name === name)?.value;
  if (whole) return whole;
  const chunks = cookies
    .map((c) => ({
      index: /^\d+$/.test(c.name.slice(name.length + 1)) ? Number(c.name.slice(name.length + 1)) : -1,
      c,
    }))
    .filter(({ index, c }) => index >= 0 && c.name.startsWith(`${name}.`) && c.value)
    .sort((a, b) => a.index - b.index);
  return chunks.length > 0 ? chunks.map(({ c }) => c.value).join("") : null;
}

/** The signed-in user's id for a request with these cookies and X-Forwarded-Proto, or null. */
export function sessionUserIdFrom(cookies: Array<{ name: string; value: string }>, forwardedProto: string | null) {
  const secret = env().AUTH_SECRET;
  if (!secret) return null;
  const name = sessionCookieName(forwardedProto);
  const token = sessionTokenFrom(cookies, name);
  if (!token) return null;
  const uid = decodeSessionToken(token, secret, name)?.uid;
  return typeof uid === "string" ? uid : null;
}
