import { createHash } from "node:crypto";

/**
 * A stable UUID for a seed row, derived from what the row is (e.g. "copy:<email>:<slug>:<period>").
 * Re-running the seed computes the same ids, so its inserts hit ON CONFLICT DO NOTHING instead of duplicating.
 */
export function seedUuid(kind: string, key: string): string {
  const bytes = createHash("sha256").update(`flowtab-seed/${kind}/${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80; // version 8: custom, name-based
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
