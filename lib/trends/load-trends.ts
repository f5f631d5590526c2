import type { Kysely } from "kysely";
import { listGongUserNames } from "@/db/queries/gong-user-names";
import { listTrendReps } from "@/db/queries/trends/list-trend-reps";
import {
  listRepWeeklyMetrics,
  listTeamWeeklyMedians,
  listWeeklyTrackerMentions,
  type TrendsScope,
  type WeeklyMetrics,
} from "@/db/queries/trends/rep-weeks";
import type { Database } from "@/db/schema";
import type { TrendsAccess } from "./decide-trends-access";
import type { WeekPoint } from "./metrics";
import { listRangeWeeks, type TrendRange } from "./trends-range";

export type TrackerWeek = { week: string; counts: Record<string, number> };
export type TrackerSeries = { names: string[]; weeks: TrackerWeek[] };

export type TeamRep = { name: string; gongId: string | null; points: WeekPoint[] };

/** What the trends page renders: plain data, and only what the viewer's access allows. */
export type TrendsData =
  | { view: "unlinked" }
  | { view: "rep"; weeks: string[]; rep: { gongId: string; name: string; own: boolean }; points: WeekPoint[]; median: WeekPoint[]; trackers: TrackerSeries }
  | { view: "team"; weeks: string[]; reps: TeamRep[]; median: WeekPoint[]; trackers: TrackerSeries };

type Options = { organizationId: string; range: TrendRange; workspaceGongId: string | null; now?: Date };

/** Reads the aggregates for one trends view; a rep's view never reads another rep's own rows, a manager's none outside their team. */
export async function loadTrends(db: Kysely<Database>, access: TrendsAccess, options: Options): Promise<TrendsData> {
  if (access.view === "unlinked") return { view: "unlinked" };
  const weeks = listRangeWeeks(options.range, options.now ?? new Date());
  const scope: TrendsScope = { organizationId: options.organizationId, fromWeek: weeks[0]!, workspaceGongId: options.workspaceGongId };
  if (access.view === "rep") {
    const [rows, median, trackers, names] = await Promise.all([
      listRepWeeklyMetrics(db, scope, [access.repGongId]),
      listTeamWeeklyMedians(db, scope),
      listWeeklyTrackerMentions(db, scope, [access.repGongId]),
      listGongUserNames(db, options.organizationId, [access.repGongId]),
    ]);
    return {
      view: "rep",
      weeks,
      rep: { gongId: access.repGongId, name: names.get(access.repGongId) ?? `Gong user ${access.repGongId}`, own: access.own },
      points: toPoints(rows),
      median: toPoints(median),
      trackers: toTrackerSeries(trackers),
    };
  }
  // A manager's table reads only their team's rows and tracker mentions; the median stays the whole team's aggregate.
  const [rows, median, trackers] = await Promise.all([
    listRepWeeklyMetrics(db, scope, access.members),
    listTeamWeeklyMedians(db, scope),
    listWeeklyTrackerMentions(db, scope, access.members),
  ]);
  const byRep = new Map<string, WeeklyMetrics[]>();
  for (const row of rows) byRep.set(row.rep_gong_id, [...(byRep.get(row.rep_gong_id) ?? []), row]);
  const reps = await listTrendReps(db, options.organizationId, [...byRep.keys()], access.members);
  return {
    view: "team",
    weeks,
    reps: reps.map((rep) => ({ name: rep.name, gongId: rep.gongId, points: rep.gongId ? toPoints(byRep.get(rep.gongId) ?? []) : [] })),
    median: toPoints(median),
    trackers: toTrackerSeries(trackers),
  };
}

function toPoints(rows: WeeklyMetrics[]): WeekPoint[] {
  return rows.map((row) => ({
    week: row.week_start,
    calls: row.call_count,
    talk_ratio: row.talk_ratio,
    longest_monologue_seconds: row.longest_monologue_seconds,
    questions_asked: row.questions_asked,
    patience_seconds: row.patience_seconds,
    interactivity: row.interactivity,
  }));
}

function toTrackerSeries(rows: { week_start: string; tracker: string; mentions: number }[]): TrackerSeries {
  const names = [...new Set(rows.map((row) => row.tracker))].sort();
  const weeks = new Map<string, TrackerWeek>();
  for (const row of rows) {
    const week = weeks.get(row.week_start) ?? { week: row.week_start, counts: {} };
    week.counts[row.tracker] = row.mentions;
    weeks.set(row.week_start, week);
  }
  return { names, weeks: [...weeks.values()] };
}
