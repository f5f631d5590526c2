import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";

/** Which weeks and calls trends read: an organization's, from `fromWeek` (a Monday, "YYYY-MM-DD"), one workspace or all. */
export type TrendsScope = { organizationId: string; fromWeek: string; workspaceGongId: string | null };

/** Per-call averages of one rep's (or the team median's) week; null where no call of the week had the figure. */
export type WeeklyMetrics = {
  week_start: string;
  call_count: number;
  talk_ratio: number | null;
  longest_monologue_seconds: number | null;
  questions_asked: number | null;
  patience_seconds: number | null;
  interactivity: number | null;
};

export type RepWeeklyMetrics = WeeklyMetrics & { rep_gong_id: string };

/**
 * Each rep's weekly averages in the scope, from the aggregates (summed over workspaces when no workspace is chosen,
 * so a week's average is over all its calls). `repGongIds` narrows it to those reps.
 */
export function selectRepWeeks(db: Kysely<Database>, scope: TrendsScope, repGongIds?: string[]) {
  let query = db
    .selectFrom("rep_weekly_metrics")
    .select([
      "rep_gong_id",
      sql<string>`week_start::text`.as("week_start"),
      sql<number>`sum(call_count)::int`.as("call_count"),
      sql<number | null>`sum(talk_ratio_sum) / nullif(sum(talk_ratio_count), 0)`.as("talk_ratio"),
      sql<number | null>`sum(longest_monologue_sum) / nullif(sum(longest_monologue_count), 0)`.as("longest_monologue_seconds"),
      sql<number | null>`sum(questions_sum)::float8 / nullif(sum(call_count), 0)`.as("questions_asked"),
      sql<number | null>`sum(patience_sum) / nullif(sum(patience_count), 0)`.as("patience_seconds"),
      sql<number | null>`sum(interactivity_sum) / nullif(sum(interactivity_count), 0)`.as("interactivity"),
    ])
    .where("organization_id", "=", scope.organizationId)
    .where("week_start", ">=", scope.fromWeek)
    .groupBy(["rep_gong_id", "week_start"]);
  if (scope.workspaceGongId !== null) query = query.where("workspace_gong_id", "=", scope.workspaceGongId);
  if (repGongIds) query = query.where("rep_gong_id", "in", repGongIds.length ? repGongIds : [""]);
  return query;
}

/** The reps' weekly series, oldest week first. */
export function listRepWeeklyMetrics(db: Kysely<Database>, scope: TrendsScope, repGongIds?: string[]): Promise<RepWeeklyMetrics[]> {
  return selectRepWeeks(db, scope, repGongIds).orderBy("rep_gong_id").orderBy("week_start").execute();
}

/**
 * Fewer reps than this in a week and the median is left out: with two, a rep could work out the other's figure
 * from their own.
 */
export const MIN_REPS_FOR_MEDIAN = 3;

/**
 * The team's median rep per week and figure: computed in the database, so a caller that may see only the team's
 * aggregate never holds another rep's own figures. `call_count` is the number of reps with calls that week.
 */
export async function listTeamWeeklyMedians(db: Kysely<Database>, scope: TrendsScope): Promise<WeeklyMetrics[]> {
  const median = (column: string) =>
    sql<number | null>`case when count(*) >= ${MIN_REPS_FOR_MEDIAN} then percentile_cont(0.5) within group (order by ${sql.ref(`rep_weeks.${column}`)}) end`;
  return db
    .selectFrom(selectRepWeeks(db, scope).as("rep_weeks"))
    .select([
      "rep_weeks.week_start",
      sql<number>`count(*)::int`.as("call_count"),
      median("talk_ratio").as("talk_ratio"),
      median("longest_monologue_seconds").as("longest_monologue_seconds"),
      median("questions_asked").as("questions_asked"),
      median("patience_seconds").as("patience_seconds"),
      median("interactivity").as("interactivity"),
    ])
    .groupBy("rep_weeks.week_start")
    .orderBy("rep_weeks.week_start")
    .execute();
}

/** Tracker mentions per week and tracker name, summed over those reps or (without `repGongIds`) the whole team. */
export async function listWeeklyTrackerMentions(
  db: Kysely<Database>,
  scope: TrendsScope,
  repGongIds?: string[],
): Promise<{ week_start: string; tracker: string; mentions: number }[]> {
  const { rows } = await sql<{ week_start: string; tracker: string; mentions: number }>`
    select r.week_start::text as week_start, e.key as tracker, sum(e.value::int)::int as mentions
    from rep_weekly_metrics r, jsonb_each_text(r.tracker_mentions) e
    where r.organization_id = ${scope.organizationId} and r.week_start >= ${scope.fromWeek}::date
      ${scope.workspaceGongId !== null ? sql`and r.workspace_gong_id = ${scope.workspaceGongId}` : sql``}
      ${repGongIds !== undefined ? sql`and r.rep_gong_id in (${sql.join(repGongIds.length ? repGongIds : [""])})` : sql``}
    group by r.week_start, e.key
    order by r.week_start, e.key`.execute(db);
  return rows;
}
