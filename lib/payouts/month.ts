import { z } from "zod";

/** A payout month, "YYYY-MM" (UTC). The same pattern as the payouts_month_format check constraint. */
export const payoutMonthSchema = z
  .string()
  .trim()
  .regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, "Use a month in the form YYYY-MM, for example 2026-10.");

/** [start, end) of the month in UTC: end is the first instant of the next month. */
export function monthBounds(month: string): { start: Date; end: Date } {
  const [year, mon] = month.split("-").map(Number) as [number, number];
  return { start: new Date(Date.UTC(year, mon - 1, 1)), end: new Date(Date.UTC(year, mon, 1)) };
}

/** "YYYY-MM" of the UTC month containing `at`. */
export function monthOf(at: Date): string {
  return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The last full UTC month before `at` (what the run on the 1st pays). */
export function previousMonth(at: Date): string {
  return monthOf(new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - 1, 1)));
}

/** "October 2026". */
export function monthLabel(month: string): string {
  return monthBounds(month).start.toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
}
