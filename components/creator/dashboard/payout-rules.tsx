import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

/** The payout rules in plain words (PRODUCT.md "Money and payouts"). */
export function PayoutRules() {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">How payouts work</CardTitle>
      </CardHeader>
      <CardContent>
        <ul className="flex list-disc flex-col gap-2 pl-5 text-sm text-ink-muted">
          <li>
            Each qualifying copy credits you 7¢. It is pending until the subscriber&apos;s invoice for that period is
            paid.
          </li>
          <li>On the 1st of each month (UTC) we transfer everything available to your Stripe account.</li>
          <li>Under $10 carries forward to the next month.</li>
          <li>
            If a subscriber is refunded or disputes a charge, that period&apos;s credits are reversed; if they were
            already paid, the amount comes off your next payout.
          </li>
          <li>A failed transfer is retried automatically, up to 5 times.</li>
        </ul>
      </CardContent>
    </Card>
  );
}
