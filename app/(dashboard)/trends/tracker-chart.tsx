"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TrackerSeries } from "@/lib/trends/load-trends";
import { AXIS_PROPS, formatWeek, SERIES_COLORS, TOOLTIP_PROPS } from "./chart-style";

/** Tracker mentions per week, one stacked bar per week; the table beside it has the same counts. */
export function TrackerChart({ weeks, trackers, label }: { weeks: string[]; trackers: TrackerSeries; label: string }) {
  const byWeek = new Map(trackers.weeks.map((week) => [week.week, week.counts]));
  const data = weeks.map((week) => ({ week, counts: byWeek.get(week) ?? {} }));
  return (
    <div role="img" aria-label={label} className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="week" tickFormatter={formatWeek} {...AXIS_PROPS} minTickGap={24} />
          <YAxis {...AXIS_PROPS} allowDecimals={false} width={40} />
          <Tooltip {...TOOLTIP_PROPS} cursor={{ fill: "var(--muted)" }} labelFormatter={(week) => `Week of ${formatWeek(String(week))}`} />
          <Legend wrapperStyle={{ fontSize: 12, color: "var(--muted-foreground)" }} />
          {trackers.names.map((name, index) => (
            <Bar
              key={name}
              name={name}
              dataKey={(row: { counts: Record<string, number> }) => row.counts[name] ?? 0}
              stackId="mentions"
              fill={SERIES_COLORS[index % SERIES_COLORS.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
