/** Recharts props that make the charts look like the rest of the app, light and dark (CSS variables from globals.css). */
export const AXIS_PROPS = {
  stroke: "var(--border)",
  tick: { fill: "var(--muted-foreground)", fontSize: 12 },
  tickLine: false,
} as const;

export const TOOLTIP_PROPS = {
  contentStyle: { background: "var(--card)", border: "1px solid var(--border)", borderRadius: 8, color: "var(--foreground)", fontSize: 12 },
  labelStyle: { color: "var(--muted-foreground)" },
  cursor: { stroke: "var(--border)" },
} as const;

export const SERIES_COLORS = Array.from({ length: 8 }, (_, index) => `var(--speaker-${index})`);

const SHORT_DATE = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** "2026-11-02" → "Nov 2". */
export function formatWeek(week: string): string {
  return SHORT_DATE.format(new Date(`${week}T00:00:00Z`));
}
