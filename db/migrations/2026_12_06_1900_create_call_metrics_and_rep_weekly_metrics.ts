import { type Kysely, sql } from "kysely";

/**
 * Trends read weekly aggregates per rep, never every call.
 *
 * `call_metrics`: one row per call with insights and a primary user (the rep), the figures trends chart and the
 * bucket the call counts in (rep, workspace, UTC week), as they were when the insights were stored. It hangs off
 * `call_insights`, so whatever deletes a call's insights (a changed transcript, the call's deletion, a purge)
 * deletes its metrics too.
 *
 * `rep_weekly_metrics`: per bucket, the call count and the sum and count of each figure (so buckets of several
 * workspaces still average exactly), and tracker mentions by tracker name. Statement triggers on `call_metrics`
 * recompute every bucket a statement touched, old and new, from `call_metrics` itself: cascaded deletes included,
 * and with no drift, since nothing is ever added or subtracted. A transaction-scoped advisory lock per bucket
 * makes concurrent writers of one bucket take turns, so the later one's recount sees the earlier one's rows.
 * `workspace_gong_id` is '' for calls with no workspace, so it can be part of the key.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table call_metrics (
      call_id uuid primary key references call_insights (call_id) on delete cascade,
      organization_id uuid not null references organizations (id) on delete cascade,
      rep_gong_id text not null,
      workspace_gong_id text not null default '',
      week_start date not null,
      talk_ratio double precision,
      longest_monologue_seconds double precision,
      questions_asked integer not null,
      patience_seconds double precision,
      interactivity double precision,
      tracker_mentions jsonb not null default '{}'
    )`.execute(db);
  await sql`create index call_metrics_bucket_idx on call_metrics (organization_id, rep_gong_id, workspace_gong_id, week_start)`.execute(db);
  await sql`
    create table rep_weekly_metrics (
      organization_id uuid not null references organizations (id) on delete cascade,
      rep_gong_id text not null,
      workspace_gong_id text not null,
      week_start date not null,
      call_count integer not null,
      talk_ratio_sum double precision not null,
      talk_ratio_count integer not null,
      longest_monologue_sum double precision not null,
      longest_monologue_count integer not null,
      questions_sum bigint not null,
      patience_sum double precision not null,
      patience_count integer not null,
      interactivity_sum double precision not null,
      interactivity_count integer not null,
      tracker_mentions jsonb not null,
      primary key (organization_id, week_start, rep_gong_id, workspace_gong_id)
    )`.execute(db);
  await sql`
    create function refresh_rep_weekly_metrics(orgs uuid[], reps text[], workspaces text[], weeks date[]) returns void
    language plpgsql as $$
    begin
      perform pg_advisory_xact_lock(hashtextextended(k.organization_id::text || '/' || k.rep_gong_id || '/' || k.workspace_gong_id || '/' || k.week_start::text, 21))
      from (select distinct * from unnest(orgs, reps, workspaces, weeks) as u(organization_id, rep_gong_id, workspace_gong_id, week_start)
            order by 1, 2, 3, 4) k;
      insert into rep_weekly_metrics
      select m.organization_id, m.rep_gong_id, m.workspace_gong_id, m.week_start, count(*),
        coalesce(sum(m.talk_ratio), 0), count(m.talk_ratio),
        coalesce(sum(m.longest_monologue_seconds), 0), count(m.longest_monologue_seconds),
        sum(m.questions_asked),
        coalesce(sum(m.patience_seconds), 0), count(m.patience_seconds),
        coalesce(sum(m.interactivity), 0), count(m.interactivity),
        coalesce((select jsonb_object_agg(t.key, t.total) from (
          select e.key, sum(e.value::int) as total from call_metrics m2, jsonb_each_text(m2.tracker_mentions) e
          where m2.organization_id = m.organization_id and m2.rep_gong_id = m.rep_gong_id
            and m2.workspace_gong_id = m.workspace_gong_id and m2.week_start = m.week_start
          group by e.key) t), '{}'::jsonb)
      from call_metrics m
      join (select distinct * from unnest(orgs, reps, workspaces, weeks) as u(organization_id, rep_gong_id, workspace_gong_id, week_start)) k
        on k.organization_id = m.organization_id and k.rep_gong_id = m.rep_gong_id and k.workspace_gong_id = m.workspace_gong_id and k.week_start = m.week_start
      group by m.organization_id, m.rep_gong_id, m.workspace_gong_id, m.week_start
      on conflict (organization_id, week_start, rep_gong_id, workspace_gong_id) do update set
        call_count = excluded.call_count, talk_ratio_sum = excluded.talk_ratio_sum, talk_ratio_count = excluded.talk_ratio_count,
        longest_monologue_sum = excluded.longest_monologue_sum, longest_monologue_count = excluded.longest_monologue_count,
        questions_sum = excluded.questions_sum, patience_sum = excluded.patience_sum, patience_count = excluded.patience_count,
        interactivity_sum = excluded.interactivity_sum, interactivity_count = excluded.interactivity_count,
        tracker_mentions = excluded.tracker_mentions;
      delete from rep_weekly_metrics r
      using (select distinct * from unnest(orgs, reps, workspaces, weeks) as u(organization_id, rep_gong_id, workspace_gong_id, week_start)) k
      where r.organization_id = k.organization_id and r.rep_gong_id = k.rep_gong_id and r.workspace_gong_id = k.workspace_gong_id and r.week_start = k.week_start
        and not exists (select 1 from call_metrics m where m.organization_id = k.organization_id and m.rep_gong_id = k.rep_gong_id
          and m.workspace_gong_id = k.workspace_gong_id and m.week_start = k.week_start);
    end $$`.execute(db);
  // Transition tables allow one event per trigger, hence three small trigger functions.
  for (const [event, tables, source] of [
    ["insert", "new table as changed", "select * from changed"],
    ["delete", "old table as changed", "select * from changed"],
    ["update", "old table as old_rows new table as new_rows", "select * from old_rows union all select * from new_rows"],
  ] as const) {
    await sql`
      create function ${sql.raw(`refresh_rep_weekly_metrics_after_${event}`)}() returns trigger language plpgsql as $$
      begin
        perform refresh_rep_weekly_metrics(array_agg(c.organization_id), array_agg(c.rep_gong_id), array_agg(c.workspace_gong_id), array_agg(c.week_start))
        from (${sql.raw(source)}) c;
        return null;
      end $$`.execute(db);
    await sql`
      create trigger ${sql.raw(`call_metrics_after_${event}`)} after ${sql.raw(event)} on call_metrics
      referencing ${sql.raw(tables)} for each statement execute function ${sql.raw(`refresh_rep_weekly_metrics_after_${event}`)}()`.execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table call_metrics`.execute(db);
  await sql`drop table rep_weekly_metrics`.execute(db);
  for (const event of ["insert", "delete", "update"]) await sql`drop function ${sql.raw(`refresh_rep_weekly_metrics_after_${event}`)}()`.execute(db);
  await sql`drop function refresh_rep_weekly_metrics(uuid[], text[], text[], date[])`.execute(db);
}
