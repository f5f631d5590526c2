import { type Kysely, sql } from "kysely";

/**
 * `sync_run_progress`: what each unit of a run (a page, a workspace, a late-transcript check) counted, keyed so a
 * retried unit replaces its numbers instead of adding them again; the run's counters are their sums.
 * `calls.transcript_unavailable_reason`: why an unavailable transcript is missing (the scope was not granted, or
 * Gong produced none within 48 hours).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("sync_run_progress")
    .addColumn("run_id", "uuid", (c) => c.notNull().references("sync_runs.id").onDelete("cascade"))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("pages", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("calls", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("calls_total", "integer")
    .addColumn("transcripts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("transcripts_pending", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("users", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("skipped_deleted", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("workspaces_done", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("sync_run_progress_pkey", ["run_id", "key"])
    .execute();
  await db.schema
    .alterTable("calls")
    .addColumn("transcript_unavailable_reason", "text", (c) => c.check(sql`transcript_unavailable_reason in ('scope_missing', 'timed_out')`))
    .execute();
  await sql`alter table calls add constraint calls_transcript_unavailable_reason_status_check
    check (transcript_unavailable_reason is null or transcript_status = 'unavailable')`.execute(db);
  await sql`create index sync_runs_status_created_at_idx on sync_runs (status, created_at) where status = 'queued'`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists sync_runs_status_created_at_idx`.execute(db);
  await sql`alter table calls drop constraint if exists calls_transcript_unavailable_reason_status_check`.execute(db);
  await db.schema.alterTable("calls").dropColumn("transcript_unavailable_reason").execute();
  await db.schema.dropTable("sync_run_progress").execute();
}
