/** Money and dates on the creator dashboard. Integer cents in, strings out: no float ever touches an amount. */

const thousands = new Intl.NumberFormat("en-US");

/** Always two decimals, so every cent is visible: 0 -> "$0.00", 123456 -> "$1,234.56", -14 -> "-$0.14". */
export function formatUsd(cents: number): string {
  if (!Number.isInteger(cents)) throw new Error("formatUsd: cents must be an integer");
  const abs = Math.abs(cents);
  const dollars = thousands.format(Math.floor(abs / 100));
  return `${cents < 0 ? "-" : ""}$${dollars}.${String(abs % 100).padStart(2, "0")}`;
}

export function formatCount(n: number): string {
  return thousands.format(n);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LONG_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2026-03" -> "March 2026". */
export function formatMonth(month: string): string {
  const [year, m] = month.split("-");
  return `${LONG_MONTHS[Number(m) - 1] ?? m} ${year}`;
}

/** "2026-03" -> "Mar 2026". */
export function formatMonthShort(month: string): string {
  const [year, m] = month.split("-");
  return `${MONTHS[Number(m) - 1] ?? m} ${year}`;
}

/** "2026-03-07" -> "7 Mar" (UTC calendar day, no time zone shift). */
export function formatDayLabel(day: string): string {
  const [, m, d] = day.split("-");
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m}`;
}

/** "2026-03-07" -> "7 Mar 2026". */
export function formatDayLong(day: string): string {
  const [y] = day.split("-");
  return `${formatDayLabel(day)} ${y}`;
}
