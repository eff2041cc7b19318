const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const plain = new Intl.NumberFormat("en-US");

/** 999 -> "999", 1,234 -> "1,234", 12,345 -> "12.3K". */
export function formatCount(n: number): string {
  return n >= 10_000 ? compact.format(n) : plain.format(n);
}

/** "1 copy", "2,418 copies". */
export function pluralize(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "12 Mar 2026" (UTC). */
export function formatDate(date: Date | string): string {
  return new Date(date).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

export function creatorDisplayName(creator: { name: string | null; handle: string | null }): string {
  return creator.name?.trim() || (creator.handle ? `@${creator.handle}` : "A Flowtab creator");
}
