import "server-only";
import { clearBucket, decrementBucket, incrementBucket, readBucket } from "@/db/queries/rate-limits";
import type { Executor } from "@/db/types";

// Failed sign-ins are counted in PostgreSQL, so every app instance enforces the same limit.
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

const emailKey = (email: string) => `login:email:${email}`;
const ipKey = (ip: string) => `login:ip:${ip}`;

export type ThrottleState = { throttled: false } | { throttled: true; retryAfterSeconds: number };

/**
 * Would the next attempt for this email or from this IP be refused? Read only, for the sign-in route's early 429;
 * the decision that counts is claimLoginAttempt's.
 */
export async function checkLoginThrottle(
  db: Executor,
  params: { email: string; ip: string; now?: Date },
): Promise<ThrottleState> {
  const [byEmail, byIp] = await Promise.all([
    readBucket(db, { key: emailKey(params.email), windowMs: LOGIN_WINDOW_MS, now: params.now }),
    readBucket(db, { key: ipKey(params.ip), windowMs: LOGIN_WINDOW_MS, now: params.now }),
  ]);
  return decide(byEmail.count + 1, byIp.count + 1, [byEmail.windowEnd, byIp.windowEnd], params.now);
}

/**
 * Counts this sign-in attempt against the email and the IP first (one atomic upsert each), then decides on the
 * counts the database returned: attempt n is allowed while n is within the limit. Parallel attempts each get
 * their own count, so 200 at once for one email still let exactly 5 through to the password check.
 * The caller forgives the attempt on success (recordLoginSuccess).
 */
export async function claimLoginAttempt(
  db: Executor,
  params: { email: string; ip: string; now?: Date },
): Promise<ThrottleState> {
  const [byEmail, byIp] = await Promise.all([
    incrementBucket(db, { key: emailKey(params.email), windowMs: LOGIN_WINDOW_MS, now: params.now }),
    incrementBucket(db, { key: ipKey(params.ip), windowMs: LOGIN_WINDOW_MS, now: params.now }),
  ]);
  return decide(byEmail.count, byIp.count, [byEmail.windowEnd, byIp.windowEnd], params.now);
}

/** Attempt number `emailAttempt` for the email and `ipAttempt` for the IP in their windows: allowed or not. */
function decide(emailAttempt: number, ipAttempt: number, windowEnds: [Date, Date], at?: Date): ThrottleState {
  const blocked = [
    emailAttempt > MAX_FAILURES_PER_EMAIL ? windowEnds[0] : null,
    ipAttempt > MAX_FAILURES_PER_IP ? windowEnds[1] : null,
  ].filter((d): d is Date => d !== null);
  if (blocked.length === 0) return { throttled: false };
  const until = Math.max(...blocked.map((d) => d.getTime()));
  const now = (at ?? new Date()).getTime();
  return { throttled: true, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) };
}

/**
 * A successful sign-in forgives the email's failures and takes back its own count from the IP (so the IP's
 * bucket counts failures: many people behind one address may still sign in).
 */
export async function recordLoginSuccess(db: Executor, params: { email: string; ip: string; now?: Date }) {
  await clearBucket(db, { key: emailKey(params.email), windowMs: LOGIN_WINDOW_MS, now: params.now });
  await decrementBucket(db, { key: ipKey(params.ip), windowMs: LOGIN_WINDOW_MS, now: params.now });
}

/**
 * The client IP as the proxy in front of us reports it: the last X-Forwarded-For entry, which that proxy appended
 * (or set) from the connection it accepted. Entries before it are whatever the client sent, so trusting the first
 * one would let anyone pick a fresh "IP" per request and walk past every per-IP limit.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
