import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";

export type SyncRunUnitProgress = {
  pages?: number;
  calls?: number;
  /** Gong's total for a window, reported by its first page only. */
  calls_total?: number | null;
  transcripts?: number;
  transcripts_pending?: number;
  users?: number;
  skipped_deleted?: number;
  workspaces_done?: number;
  /** Records that failed validation and were quarantined instead of stored. */
  quarantined?: number;
};

const COUNTERS = ["pages", "calls", "transcripts", "transcripts_pending", "users", "skipped_deleted", "workspaces_done", "quarantined"] as const;

/**
 * Records what one unit of a run counted (a page, a workspace, a late-transcript check) under `key`, stable
 * across retries of that unit, and sets the run's counters to the sums over its units. A unit that runs again
 * replaces its numbers, so a retried page is never counted twice. Pass the transaction that stores the unit's
 * records, so numbers and records commit together.
 */
export async function recordSyncRunProgress(db: Kysely<Database>, runId: string, key: string, progress: SyncRunUnitProgress): Promise<void> {
  if (!db.isTransaction) return db.transaction().execute((trx) => recordSyncRunProgress(trx, runId, key, progress));
  // Units of one run commit one after another here, so each sum below sees every unit committed before it.
  const run = await db.selectFrom("sync_runs").select("id").where("id", "=", runId).forUpdate().executeTakeFirst();
  if (!run) return;
  const row = { ...Object.fromEntries(COUNTERS.map((counter) => [counter, progress[counter] ?? 0])), calls_total: progress.calls_total ?? null };
  await db
    .insertInto("sync_run_progress")
    .values({ run_id: runId, key, ...row })
    .onConflict((conflict) => conflict.columns(["run_id", "key"]).doUpdateSet({ ...row, updated_at: new Date() }))
    .execute();
  await sql`
    update sync_runs set
      pages = totals.pages, calls = totals.calls, calls_total = totals.calls_total, transcripts = totals.transcripts,
      transcripts_pending = totals.transcripts_pending, users = totals.users, skipped_deleted = totals.skipped_deleted,
      workspaces_done = totals.workspaces_done, quarantined = totals.quarantined, updated_at = now()
    from (
      select coalesce(sum(pages), 0) as pages, coalesce(sum(calls), 0) as calls, sum(calls_total) as calls_total,
        coalesce(sum(transcripts), 0) as transcripts, greatest(coalesce(sum(transcripts_pending), 0), 0) as transcripts_pending,
        coalesce(sum(users), 0) as users, coalesce(sum(skipped_deleted), 0) as skipped_deleted,
        coalesce(sum(workspaces_done), 0) as workspaces_done, coalesce(sum(quarantined), 0) as quarantined
      from sync_run_progress where run_id = ${runId}
    ) as totals
    where sync_runs.id = ${runId}`.execute(db);
}

export type SyncRunProgressRow = {
  key: string;
  pages: number;
  calls: number;
  calls_total: number | null;
  transcripts: number;
  transcripts_pending: number;
  users: number;
  skipped_deleted: number;
  workspaces_done: number;
  updated_at: Date;
};

/** A run's units of work, oldest change first, for its detail page. */
export function listSyncRunProgress(db: Kysely<Database>, runId: string): Promise<SyncRunProgressRow[]> {
  return db
    .selectFrom("sync_run_progress")
    .select(["key", ...COUNTERS, "calls_total", "updated_at"])
    .where("run_id", "=", runId)
    .orderBy("updated_at")
    .orderBy("key")
    .execute();
}
