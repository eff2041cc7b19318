/**
 * One structured line per payout job step (ARCHITECTURE.md "Logs"): ids, amounts and Stripe's reason only, never
 * keys or email addresses. On stderr, so the CLI's stdout stays the one-line JSON summary.
 */
export function logPayoutStep(step: string, fields: Record<string, unknown>): void {
  process.stderr.write(`${JSON.stringify({ level: "info", job: "payouts", step, ...fields })}\n`);
}
