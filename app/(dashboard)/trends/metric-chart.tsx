"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMetricTick, formatMetricValue, type TrendMetric, type WeekPoint } from "@/lib/trends/metrics";
import { AXIS_PROPS, formatWeek, TOOLTIP_PROPS } from "./chart-style";

type Props = { metric: TrendMetric; weeks: string[]; series: WeekPoint[]; median: WeekPoint[]; seriesLabel: string };

/**
 * One figure per week: the rep's line beside the team median's. The chart is an image with a name; the same
 * numbers are in the table under it, which is what a screen reader or keyboard user reads.
 */
export function MetricChart({ metric, weeks, series, median, seriesLabel }: Props) {
  const own = new Map(series.map((point) => [point.week, point[metric.key]]));
  const team = new Map(median.map((point) => [point.week, point[metric.key]]));
  const data = weeks.map((week) => ({ week, own: own.get(week) ?? null, median: team.get(week) ?? null }));
  const weeksWithData = data.filter((row) => row.own !== null).length;
  const name = `${metric.label} per week: ${seriesLabel} and the team median, ${weeksWithData} of ${weeks.length} weeks with calls`;
  return (
    <figure className="space-y-2">
      <div role="img" aria-label={name} className="h-48 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -8 }} accessibilityLayer={false}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="week" tickFormatter={formatWeek} {...AXIS_PROPS} minTickGap={24} />
            <YAxis {...AXIS_PROPS} width={48} tickFormatter={(value: number) => formatMetricTick(metric, value)} />
            <Tooltip {...TOOLTIP_PROPS} labelFormatter={(week) => `Week of ${formatWeek(String(week))}`} formatter={(value) => formatMetricValue(metric, typeof value === "number" ? value : null)} />
            <Legend wrapperStyle={{ fontSize: 12, color: "var(--muted-foreground)" }} />
            <Line name={seriesLabel} dataKey="own" stroke="var(--accent)" strokeWidth={2} dot={{ r: 2 }} connectNulls isAnimationActive={false} />
            <Line name="Team median" dataKey="median" stroke="var(--muted-foreground)" strokeDasharray="4 4" strokeWidth={1.5} dot={false} connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{name}</figcaption>
    </figure>
  );
}
