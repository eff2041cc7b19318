import type { PayoutRow } from "@/db/queries/earnings";
import type { CreditExportRow } from "@/db/queries/earnings-export";

// CSV for spreadsheets (RFC 4180): CRLF line ends, fields quoted when they hold a comma, quote or line break,
// quotes doubled. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) gets a
// leading apostrophe; numbers are written as numbers, so a negative amount stays a number.

export type CsvCell = string | number | null;

function textCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function cell(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "number") {
    if (!Number.isInteger(value)) throw new Error("CSV money cells must be integer cents");
    return String(value);
  }
  return textCell(value);
}

export function toCsv(header: readonly string[], rows: readonly CsvCell[][]): string {
  return [header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

/** Integer cents as a dollars string with exactly two decimals, without floats: -7 -> "-0.07", 1050 -> "10.50". */
export function centsToDollars(cents: number): string {
  if (!Number.isInteger(cents)) throw new Error("centsToDollars: cents must be an integer");
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

const CREDIT_CSV_HEADER = [
  "credit_id",
  "copied_at",
  "flow_slug",
  "flow_title",
  "period_start",
  "period_end",
  "status",
  "amount_cents",
  "amount_usd",
  "earned_at",
  "reversed_at",
  "payout_month",
  "deducted_in_payout_month",
] as const;

export function creditsCsv(rows: readonly CreditExportRow[]): string {
  return toCsv(
    CREDIT_CSV_HEADER,
    rows.map((r) => [
      r.creditId,
      r.copiedAt,
      r.flowSlug,
      r.flowTitle,
      r.periodStart,
      r.periodEnd,
      r.status,
      r.amountCents,
      centsToDollars(r.amountCents),
      r.earnedAt,
      r.reversedAt,
      r.payoutMonth,
      r.deductedInPayoutMonth,
    ]),
  );
}

const PAYOUT_CSV_HEADER = [
  "month",
  "status",
  "amount_cents",
  "amount_usd",
  "paid_at",
  "stripe_transfer_id",
  "attempts",
  "failure_reason",
] as const;

export function payoutsCsv(rows: readonly PayoutRow[]): string {
  return toCsv(
    PAYOUT_CSV_HEADER,
    rows.map((p) => [
      p.month,
      p.status,
      p.amountCents,
      centsToDollars(p.amountCents),
      p.paidAt ? p.paidAt.toISOString() : null,
      p.stripeTransferId,
      p.attempts,
      p.failureReason,
    ]),
  );
}

/** The response for a CSV download: never cached, saved under `filename`. */
export function csvResponse(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
