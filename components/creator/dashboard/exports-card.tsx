import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import { formatMonth } from "./format";

/** CSV downloads: this month's credits, every credit, every payout. Amounts in integer cents and in dollars. */
export function ExportsCard({ month }: { month: string }) {
  const link = buttonClasses({ variant: "secondary", size: "sm", className: "justify-start" });
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Export</CardTitle>
        <CardDescription>CSV files for your records or your accountant.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-2">
        <a href={`/creator/export/credits.csv?month=${month}`} download className={link}>
          Credits, {formatMonth(month)}
        </a>
        <a href="/creator/export/credits.csv" download className={link}>
          All credits
        </a>
        <a href="/creator/export/payouts.csv" download className={link}>
          Payouts
        </a>
      </CardContent>
    </Card>
  );
}
