import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatUsdCents } from "./format";
import { StatusBadge } from "./status-badge";

export type StatusCountRow = { status: string; count: number; cents: number };

/** A small "status: count (and amount)" table, e.g. credits by status in cents. */
export function StatusCounts({
  title,
  rows,
  withAmount = false,
}: {
  title: string;
  rows: StatusCountRow[];
  withAmount?: boolean;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h3">{title}</CardTitle>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <p className="text-sm text-ink-subtle">None yet.</p>
        ) : (
          <table className="w-full text-sm">
            <thead className="sr-only">
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Count</th>
                {withAmount ? <th scope="col">Amount</th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {rows.map((r) => (
                <tr key={r.status}>
                  <td className="py-1.5">
                    <StatusBadge status={r.status} />
                  </td>
                  <td className="py-1.5 text-right tabular-nums text-ink">{r.count.toLocaleString("en-US")}</td>
                  {withAmount ? (
                    <td className="py-1.5 text-right tabular-nums text-ink-muted">{formatUsdCents(r.cents)}</td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </CardContent>
    </Card>
  );
}
