import type { ReactNode } from "react";
import { Card, CardContent } from "@/components/ui/card";

export function StatCard({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <Card>
      <CardContent className="flex flex-col gap-1">
        <p className="text-sm text-ink-muted">{label}</p>
        <p className="text-2xl font-semibold tracking-tight text-ink tabular-nums">{value}</p>
        {detail ? <p className="text-xs text-ink-subtle">{detail}</p> : null}
      </CardContent>
    </Card>
  );
}
