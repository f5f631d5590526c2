/** The figures trends follow, in the order the page shows them. Pure: shared by the server and the charts. */
export const TREND_METRICS = [
  { key: "talk_ratio", label: "Talk ratio", unit: "ratio", description: "Share of talk time on your side", better: "balanced" },
  { key: "longest_monologue_seconds", label: "Longest monologue", unit: "seconds", description: "Longest uninterrupted stretch on your side", better: "lower" },
  { key: "questions_asked", label: "Questions asked", unit: "count", description: "Questions your side asked per call", better: "higher" },
  { key: "patience_seconds", label: "Patience", unit: "seconds", description: "Average pause before answering the customer", better: "higher" },
  { key: "interactivity", label: "Interactivity", unit: "score", description: "Speaker switches, on a 0–10 scale", better: "higher" },
] as const;

export type TrendMetric = (typeof TREND_METRICS)[number];
export type TrendMetricKey = TrendMetric["key"];

/** One week of one series: per-call averages, null where the week had no call with the figure. */
export type WeekPoint = { week: string; calls: number } & Record<TrendMetricKey, number | null>;

export function formatMetricValue(metric: Pick<TrendMetric, "unit">, value: number | null): string {
  if (value === null) return "—";
  if (metric.unit === "ratio") return `${Math.round(value * 100)}%`;
  if (metric.unit === "seconds") return value >= 60 ? `${Math.floor(value / 60)}m ${String(Math.round(value % 60)).padStart(2, "0")}s` : `${value.toFixed(1)}s`;
  return value.toFixed(1);
}

/** "+4%", "−12.0s", "±0": the change from `first` to `last`, in the metric's unit. */
export function formatMetricChange(metric: Pick<TrendMetric, "unit">, first: number | null, last: number | null): string {
  if (first === null || last === null) return "—";
  const delta = last - first;
  const sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
  const size = Math.abs(delta);
  if (metric.unit === "ratio") return `${sign}${Math.round(size * 100)} pts`;
  if (metric.unit === "seconds") return `${sign}${size.toFixed(1)}s`;
  return `${sign}${size.toFixed(1)}`;
}

/** Short axis labels: "60s", "45%", "4". */
export function formatMetricTick(metric: Pick<TrendMetric, "unit">, value: number): string {
  if (metric.unit === "ratio") return `${Math.round(value * 100)}%`;
  if (metric.unit === "seconds") return `${Number(value.toFixed(1))}s`;
  return String(Number(value.toFixed(1)));
}
