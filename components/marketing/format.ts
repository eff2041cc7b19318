/** Display formatting for money (integer cents, USD) and counts. Formatting only: never compute money in floats. */

const dollarsWhole = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const dollarsCents = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2 });
const integer = new Intl.NumberFormat("en-US");

/** 1000 -> "$10", 1050 -> "$10.50", 7 -> "$0.07". Whole dollars drop the ".00". */
export function formatCents(cents: number): string {
  return cents % 100 === 0 ? dollarsWhole.format(cents / 100) : dollarsCents.format(cents / 100);
}

/** Like formatCents, but amounts under a dollar read as cents: 7 -> "7¢", 1000 -> "$10". */
export function formatCentsShort(cents: number): string {
  return cents > 0 && cents < 100 ? `${cents}¢` : formatCents(cents);
}

/** 10000 -> "10,000". */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** Whole-number percentage of part in whole: (700, 1000) -> 70. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 100) / whole);
}
