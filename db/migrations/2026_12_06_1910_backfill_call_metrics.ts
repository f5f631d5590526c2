import { type Kysely, sql } from "kysely";

/**
 * Trend figures for the calls whose insights were stored before call_metrics existed, read from those insights as
 * lib/trends/read-call-metrics.ts reads them then (frozen here): the company side's talk ratio when any talk was
 * sided, its longest monologue and questions, the average pause, interactivity, and tracker mentions by name.
 * Calls without sentences or a primary user get none. The triggers build the weekly aggregates from these rows.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    insert into call_metrics (call_id, organization_id, rep_gong_id, workspace_gong_id, week_start, talk_ratio,
      longest_monologue_seconds, questions_asked, patience_seconds, interactivity, tracker_mentions)
    select ci.call_id, c.organization_id, c.primary_user_gong_id, coalesce(c.workspace_gong_id, ''),
      date_trunc('week', c.started_at at time zone 'UTC')::date,
      case when coalesce((i #>> '{talk,sides,internal,talkSeconds}')::float8, 0) + coalesce((i #>> '{talk,sides,external,talkSeconds}')::float8, 0) > 0
        then (i #>> '{talk,sides,internal,talkRatio}')::float8 end,
      (i #>> '{longestMonologue,durationSeconds}')::float8,
      coalesce((i #>> '{questions,internal,count}')::int, 0),
      (i #>> '{patience,averagePauseSeconds}')::float8,
      (i #>> '{interactivity,score}')::float8,
      coalesce((
        select jsonb_object_agg(t.name, t.total) from (
          select tracker ->> 'name' as name, sum((tracker ->> 'count')::int) as total
          from jsonb_array_elements(case when jsonb_typeof(i -> 'trackers') = 'array' then i -> 'trackers' else '[]'::jsonb end) tracker
          where (tracker ->> 'count')::int > 0
          group by tracker ->> 'name') t), '{}'::jsonb)
    from call_insights ci
    cross join lateral (select ci.insights as i) insight
    join calls c on c.id = ci.call_id
    where c.primary_user_gong_id is not null and coalesce((i ->> 'sentenceCount')::int, 0) > 0
    on conflict (call_id) do nothing`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from call_metrics`.execute(db);
}
