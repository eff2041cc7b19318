import "server-only";
import { clearBucket, incrementBucket, readBucket } from "@/db/queries/rate-limits";
import type { Executor } from "@/db/types";

// Failed sign-ins are counted in PostgreSQL, so every app instance enforces the same limit.
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

const emailKey = (email: string) => `login:email:${email}`;
const ipKey = (ip: string) => `login:ip:${ip}`;

export type ThrottleState = { throttled: false } | { throttled: true; retryAfterSeconds: number };

/** Is sign-in for this email or from this IP blocked right now? */
export async function checkLoginThrottle(
  db: Executor,
  params: { email: string; ip: string; now?: Date },
): Promise<ThrottleState> {
  const [byEmail, byIp] = await Promise.all([
    readBucket(db, { key: emailKey(params.email), windowMs: LOGIN_WINDOW_MS, now: params.now }),
    readBucket(db, { key: ipKey(params.ip), windowMs: LOGIN_WINDOW_MS, now: params.now }),
  ]);
  const blocked = [
    byEmail.count >= MAX_FAILURES_PER_EMAIL ? byEmail.windowEnd : null,
    byIp.count >= MAX_FAILURES_PER_IP ? byIp.windowEnd : null,
  ].filter((d): d is Date => d !== null);
  if (blocked.length === 0) return { throttled: false };
  const until = Math.max(...blocked.map((d) => d.getTime()));
  const now = (params.now ?? new Date()).getTime();
  return { throttled: true, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) };
}

export async function recordLoginFailure(db: Executor, params: { email: string; ip: string; now?: Date }) {
  await incrementBucket(db, { key: emailKey(params.email), windowMs: LOGIN_WINDOW_MS, now: params.now });
  await incrementBucket(db, { key: ipKey(params.ip), windowMs: LOGIN_WINDOW_MS, now: params.now });
}

/** A successful sign-in forgives the email's failures (not the IP's). */
export async function recordLoginSuccess(db: Executor, params: { email: string; now?: Date }) {
  await clearBucket(db, { key: emailKey(params.email), windowMs: LOGIN_WINDOW_MS, now: params.now });
}

/** The client IP as the proxy in front of us reports it. */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
