/** What one payout job did, per creator, in integer cents. The cron route, the CLI and /admin show this as is. */
type PaidLine = { creatorId: string; payoutId: string; month: string; amountCents: number; transferId: string };
type AlreadyPaidLine = { creatorId: string; payoutId: string; amountCents: number };
type CarriedForwardLine = {
  creatorId: string;
  /** Earned and unpaid minus reversals already paid out; below the threshold, or negative. */
  amountCents: number;
  reason: "below_threshold" | "negative_balance";
};
export type NotOnboardedLine = {
  creatorId: string;
  amountCents: number;
  reason: "no_connected_account" | "transfers_inactive" | "payouts_disabled";
};
export type FailedLine = {
  creatorId: string;
  payoutId: string;
  month: string;
  amountCents: number;
  attempts: number;
  error: string | null;
  nextAttemptAt: string | null;
  needsAdmin: boolean;
};

export type MonthlyPayoutSummary = {
  month: string;
  /** Creators with anything to pay, deduct or resume for the month. */
  creators: number;
  paid: PaidLine[];
  /** Paid by an earlier run (or confirmed by the webhook): skipped, never paid twice. */
  alreadyPaid: AlreadyPaidLine[];
  carriedForward: CarriedForwardLine[];
  skippedNotOnboarded: NotOnboardedLine[];
  /** Failed this run, or failed earlier and waiting for the retry pass. */
  failed: FailedLine[];
  /** Transferred by this run. */
  totalPaidCents: number;
};

export type RetrySummary = {
  /** Payouts attempted: failed ones whose backoff was over, and attempts a crash had interrupted. */
  attempted: number;
  paid: PaidLine[];
  failed: FailedLine[];
  totalPaidCents: number;
  /** "Payout paid" emails queued for payouts the transfer.created webhook had confirmed. */
  paidEmailsQueued: number;
};
