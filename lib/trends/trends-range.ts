import { z } from "zod";

export const TREND_RANGES = [30, 90, 365] as const;
export type TrendRange = (typeof TREND_RANGES)[number];

/** The page's query string: range in days, a workspace's Gong id (or all), and for admins a rep's Gong id. */
export const trendsParamsSchema = z.object({
  range: z.coerce
    .number()
    .pipe(z.union(TREND_RANGES.map((days) => z.literal(days)) as [z.ZodLiteral<30>, z.ZodLiteral<90>, z.ZodLiteral<365>]))
    .catch(90),
  workspace: z.string().trim().min(1).max(100).optional().catch(undefined),
  rep: z.string().trim().min(1).max(100).optional().catch(undefined),
});
export type TrendsParams = z.infer<typeof trendsParamsSchema>;

/** Monday (UTC) of the week `date` falls in, as "YYYY-MM-DD": the key the weekly aggregates use. */
export function weekStartOf(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** Every week the range covers, oldest first: from the week `days` days ago through this week. */
export function listRangeWeeks(days: TrendRange, now: Date): string[] {
  const weeks: string[] = [];
  const current = weekStartOf(now);
  for (let week = weekStartOf(new Date(now.getTime() - days * 86_400_000)); week <= current; ) {
    weeks.push(week);
    const next = new Date(`${week}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 7);
    week = next.toISOString().slice(0, 10);
  }
  return weeks;
}
