import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Random base62 text (modulo bias is irrelevant for test ids). */
export function randomToken(length: number): string {
  let token = "";
  for (const byte of randomBytes(length)) token += ALPHABET[byte % ALPHABET.length];
  return token;
}

// Stripe's own id lengths, so ids look real in logs and databases sized for them.
const LENGTHS: Record<string, number> = { cus: 14, acct: 16, cs_test: 58, req: 14 };

export function newId(prefix: string): string {
  return `${prefix}_${randomToken(LENGTHS[prefix] ?? 24)}`;
}
