import { createHmac } from "node:crypto";

/**
 * The `Stripe-Signature` header exactly as Stripe computes it. `timestamp` must be real time (not the sandbox
 * clock): receivers reject signatures older than their tolerance, five minutes by default.
 */
export function signatureHeader(payload: string, secret: string, timestamp: number): string {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${signature}`;
}
