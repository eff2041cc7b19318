import { monthLabel } from "@/lib/payouts/month";
import { formatUsdCents } from "./format";

type LiabilityRow = {
  month: string;
  earnedCents: number;
  inPayoutCents: number;
  pendingCents: number;
  toDeductCents: number;
};

/** What creators are owed, by the month of the copies, with the totals in the footer. */
export function LiabilitiesTable({
  months,
  totalOwedCents,
  totalPendingCents,
}: {
  months: LiabilityRow[];
  totalOwedCents: number;
  totalPendingCents: number;
}) {
  const cell = "px-4 py-2 text-right tabular-nums";
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <thead className="border-b border-line bg-surface-muted text-xs text-ink-muted uppercase">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Copies in
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Earned, unpaid
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              of which in a payout
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              To deduct
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Pending invoice
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row" className="px-4 py-2 font-medium text-ink">
                {monthLabel(m.month)}
              </th>
              <td className={cell}>{formatUsdCents(m.earnedCents)}</td>
              <td className={`${cell} text-ink-muted`}>{formatUsdCents(m.inPayoutCents)}</td>
              <td className={`${cell} text-ink-muted`}>
                {m.toDeductCents > 0 ? `−${formatUsdCents(m.toDeductCents)}` : formatUsdCents(0)}
              </td>
              <td className={`${cell} text-ink-muted`}>{formatUsdCents(m.pendingCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-line-strong font-medium">
          <tr>
            <th scope="row" className="px-4 py-2 text-ink">
              Owed now (net)
            </th>
            <td className={cell} data-testid="liabilities-owed">
              {formatUsdCents(totalOwedCents)}
            </td>
            <td colSpan={2} />
            <td className={cell}>{formatUsdCents(totalPendingCents)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
