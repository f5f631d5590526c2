"use client";

import { Line, LineChart } from "recharts";

/** A rep's weekly values as a small line; `label` names it and reads out the values, the cell beside it has the latest. */
export function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  if (values.filter((value) => value !== null).length < 2) return null;
  return (
    <div role="img" aria-label={label} className="h-6 w-20">
      <LineChart width={80} height={24} data={values.map((value) => ({ value }))} accessibilityLayer={false}>
        <Line dataKey="value" stroke="var(--accent)" strokeWidth={1.5} dot={false} connectNulls isAnimationActive={false} />
      </LineChart>
    </div>
  );
}
