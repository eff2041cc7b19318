/** "$1,234.05" from integer cents, without floating point; negatives as "-$0.07". */
export function formatUsdCents(cents: number): string {
  if (!Number.isInteger(cents)) throw new Error(`formatUsdCents: ${cents} is not an integer number of cents`);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100).toLocaleString("en-US");
  return `${sign}$${dollars}.${String(abs % 100).padStart(2, "0")}`;
}
