"use client";

import { Area, AreaChart, Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DailyPoint } from "@/db/queries/earnings";
import { formatCount, formatDayLabel, formatDayLong, formatUsd } from "./format";

// Two small charts, drawn in the browser. The figures a screen reader needs (caption, data table) are rendered by
// the server around them, so these are aria-hidden decoration, kept out of the tab order too (recharts' keyboard
// layer would make the hidden chart focusable).

const axisTick = { fill: "var(--color-ink-subtle)", fontSize: 11 };

function ticksFor(points: DailyPoint[]): string[] {
  const step = Math.max(1, Math.ceil(points.length / 6));
  return points.filter((_, i) => (points.length - 1 - i) % step === 0).map((p) => p.day);
}

function TooltipBox({
  active,
  payload,
  kind,
}: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: DailyPoint }>;
  kind: "copies" | "money";
}) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="rounded-md border border-line bg-surface px-3 py-2 text-xs shadow-raised">
      <p className="font-medium text-ink">{formatDayLong(point.day)}</p>
      <p className="text-ink-muted tabular-nums">
        {kind === "copies"
          ? `${formatCount(point.qualifyingCopies)} qualifying ${point.qualifyingCopies === 1 ? "copy" : "copies"}`
          : formatUsd(point.earnedCents)}
      </p>
    </div>
  );
}

function ChartFrame({ title, children }: { title: string; children: React.ReactElement }) {
  return (
    <div className="min-w-0">
      <p className="mb-2 text-xs font-medium tracking-wide text-ink-muted uppercase" aria-hidden="true">
        {title}
      </p>
      <div className="h-44 w-full sm:h-52" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 176 }}>
          {children}
        </ResponsiveContainer>
      </div>
    </div>
  );
}

export function ActivityCharts({ points }: { points: DailyPoint[] }) {
  const ticks = ticksFor(points);
  const margin = { top: 4, right: 4, bottom: 0, left: -12 };
  return (
    <div className="grid grid-cols-1 gap-6 *:min-w-0 md:grid-cols-2">
      <ChartFrame title="Qualifying copies per day">
        <BarChart data={points} margin={margin} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="var(--color-line)" />
          <XAxis
            dataKey="day"
            ticks={ticks}
            tickFormatter={formatDayLabel}
            tick={axisTick}
            tickLine={false}
            axisLine={false}
          />
          <YAxis allowDecimals={false} tick={axisTick} tickLine={false} axisLine={false} width={40} />
          <Tooltip
            cursor={{ fill: "var(--color-surface-muted)" }}
            content={(p) => <TooltipBox {...p} kind="copies" />}
          />
          <Bar dataKey="qualifyingCopies" fill="var(--color-chart-1)" radius={[2, 2, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ChartFrame>
      <ChartFrame title="Earnings per day">
        <AreaChart data={points} margin={margin} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="var(--color-line)" />
          <XAxis
            dataKey="day"
            ticks={ticks}
            tickFormatter={formatDayLabel}
            tick={axisTick}
            tickLine={false}
            axisLine={false}
          />
          <YAxis
            tickFormatter={(cents: number) => (cents >= 100 ? `$${Math.round(cents / 100)}` : `${cents}¢`)}
            tick={axisTick}
            tickLine={false}
            axisLine={false}
            width={40}
          />
          <Tooltip content={(p) => <TooltipBox {...p} kind="money" />} />
          <Area
            dataKey="earnedCents"
            type="monotone"
            stroke="var(--color-chart-2)"
            fill="var(--color-chart-2)"
            fillOpacity={0.18}
            strokeWidth={2}
            isAnimationActive={false}
          />
        </AreaChart>
      </ChartFrame>
    </div>
  );
}
