import type { Kysely } from "kysely";

/**
 * The Inngest run that drives a sync run now (the last one to mark it running), so a sync run whose workflow is
 * gone (the executor was drained or replaced, the app moved to another Inngest) can be told apart from one that
 * waits out a retry, and failed instead of blocking its connection's scheduled syncs.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("sync_runs").addColumn("workflow_run_id", "text").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("sync_runs").dropColumn("workflow_run_id").execute();
}
