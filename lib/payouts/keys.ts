/**
 * Stripe identifiers of a payout's transfer.
 *
 * Idempotency keys: Stripe saves the response of a request that ran, failures included (a `balance_insufficient`
 * refusal is replayed for 24 hours), so one key cannot carry a retry after a failure. The key is therefore per
 * attempt, numbered by the failures already recorded on the payout row (`payouts.attempts`):
 *   attempts = 0  ->  payout:{creatorId}:{YYYY-MM}           (the first attempt; PRODUCT.md's key)
 *   attempts = n  ->  payout:{creatorId}:{YYYY-MM}:retry-{n} (the attempt after the n-th recorded failure)
 * `attempts` only grows when a failure is written, so an attempt interrupted before its outcome reached the
 * database (a crash, a kill) is resumed with the same key and Stripe hands back what it did the first time.
 */
export function transferIdempotencyKey(payout: { creatorId: string; month: string; attempts: number }): string {
  const first = `payout:${payout.creatorId}:${payout.month}`;
  return payout.attempts === 0 ? first : `${first}:retry-${payout.attempts}`;
}

/** Every transfer of one month's run shares a transfer group, which is also how a lost transfer is found again. */
export function transferGroupFor(month: string): string {
  return `payouts-${month}`;
}
