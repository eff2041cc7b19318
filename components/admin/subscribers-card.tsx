import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { StatusBadge } from "./status-badge";

/** Subscriptions and seats per Stripe status. */
export function SubscribersCard({ rows }: { rows: { status: string; subscriptions: number; seats: number }[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h3">Subscribers by status</CardTitle>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <p className="text-sm text-ink-subtle">No subscriptions yet.</p>
        ) : (
          <table className="w-full text-sm">
            <thead className="text-xs text-ink-subtle">
              <tr>
                <th scope="col" className="py-1 text-left font-normal">
                  Status
                </th>
                <th scope="col" className="py-1 text-right font-normal">
                  Subscriptions
                </th>
                <th scope="col" className="py-1 text-right font-normal">
                  Seats
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {rows.map((r) => (
                <tr key={r.status} data-testid={`subscribers-${r.status}`}>
                  <td className="py-1.5">
                    <StatusBadge status={r.status} />
                  </td>
                  <td className="py-1.5 text-right text-ink tabular-nums">{r.subscriptions.toLocaleString("en-US")}</td>
                  <td className="py-1.5 text-right text-ink-muted tabular-nums">{r.seats.toLocaleString("en-US")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </CardContent>
    </Card>
  );
}
