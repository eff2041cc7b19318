/** One broken money invariant: which check, the row it is about, and what is wrong (amounts in cents). */
export type Violation = { check: string; row: string; message: string };

export type ReconciliationResult = {
  startedAt: Date;
  finishedAt: Date;
  /** What was read: rows of our ledger and objects in Stripe. */
  checked: Record<string, number>;
  violations: Violation[];
};
