import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";

export type CallMetricsValues = {
  callId: string;
  talkRatio: number | null;
  longestMonologueSeconds: number | null;
  questionsAsked: number;
  patienceSeconds: number | null;
  interactivity: number | null;
  trackerMentions: Record<string, number>;
};

/**
 * Stores the trend figures of calls whose insights were just stored, in the bucket each call belongs to now (its
 * primary user, workspace and UTC week; a resync may have moved it), and drops the figures of `callIds` that get
 * none: no sentences, or no primary user to count them for. The triggers on call_metrics refresh every bucket
 * touched, the one a call left included.
 */
export async function replaceCallMetrics(db: Kysely<Database>, callIds: string[], values: CallMetricsValues[]): Promise<void> {
  if (callIds.length === 0) return;
  const column = <T>(read: (value: CallMetricsValues) => T) => sql.val(values.map(read));
  if (values.length > 0) {
    await sql`
      insert into call_metrics (call_id, organization_id, rep_gong_id, workspace_gong_id, week_start, talk_ratio,
        longest_monologue_seconds, questions_asked, patience_seconds, interactivity, tracker_mentions)
      select t.call_id, calls.organization_id, calls.primary_user_gong_id, coalesce(calls.workspace_gong_id, ''),
        date_trunc('week', calls.started_at at time zone 'UTC')::date,
        t.talk_ratio, t.longest_monologue_seconds, t.questions_asked, t.patience_seconds, t.interactivity, t.tracker_mentions
      from unnest(${column((value) => value.callId)}::uuid[], ${column((value) => value.talkRatio)}::float8[],
        ${column((value) => value.longestMonologueSeconds)}::float8[], ${column((value) => value.questionsAsked)}::int[],
        ${column((value) => value.patienceSeconds)}::float8[], ${column((value) => value.interactivity)}::float8[],
        ${column((value) => JSON.stringify(value.trackerMentions))}::jsonb[])
        as t(call_id, talk_ratio, longest_monologue_seconds, questions_asked, patience_seconds, interactivity, tracker_mentions)
      join calls on calls.id = t.call_id
      join call_insights on call_insights.call_id = t.call_id
      where calls.primary_user_gong_id is not null
      on conflict (call_id) do update set
        organization_id = excluded.organization_id, rep_gong_id = excluded.rep_gong_id, workspace_gong_id = excluded.workspace_gong_id,
        week_start = excluded.week_start, talk_ratio = excluded.talk_ratio, longest_monologue_seconds = excluded.longest_monologue_seconds,
        questions_asked = excluded.questions_asked, patience_seconds = excluded.patience_seconds, interactivity = excluded.interactivity,
        tracker_mentions = excluded.tracker_mentions
      -- The same figures stored again touch no bucket.
      where (call_metrics.rep_gong_id, call_metrics.workspace_gong_id, call_metrics.week_start, call_metrics.talk_ratio,
          call_metrics.longest_monologue_seconds, call_metrics.questions_asked, call_metrics.patience_seconds, call_metrics.interactivity,
          call_metrics.tracker_mentions)
        is distinct from (excluded.rep_gong_id, excluded.workspace_gong_id, excluded.week_start, excluded.talk_ratio,
          excluded.longest_monologue_seconds, excluded.questions_asked, excluded.patience_seconds, excluded.interactivity,
          excluded.tracker_mentions)`.execute(db);
  }
  await sql`
    delete from call_metrics using calls
    where calls.id = call_metrics.call_id and call_metrics.call_id = any(${sql.val(callIds)}::uuid[])
      and (call_metrics.call_id <> all(${column((value) => value.callId)}::uuid[]) or calls.primary_user_gong_id is null)`.execute(db);
}
