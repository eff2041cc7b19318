import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * `Authorization: Bearer $CRON_SECRET`, compared in constant time (both sides hashed first, so neither the
 * length nor a prefix leaks through timing). Without CRON_SECRET every call is refused, loudly.
 */
export function assertCronAuthorized(authorization: string | null): void {
  const secret = env().CRON_SECRET;
  if (!secret) throw new AppError("unavailable", "CRON_SECRET is not set: cron endpoints are disabled.");
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  if (!presented || !timingSafeEqual(digest(presented), digest(secret))) {
    throw new AppError("unauthorized", "A valid cron secret is required.");
  }
}
