import { type Kysely, sql } from "kysely";
import type { Database, SyncRun, SyncRunKind, SyncRunStatus } from "@/db/schema";

export type NewSyncRun = {
  /** A stable id makes creating the run idempotent: a retried step that creates it again changes nothing. */
  id?: string;
  organizationId: string;
  connectionId: string;
  kind: SyncRunKind;
  requestedByUserId?: string | null;
  params?: Record<string, unknown>;
};

export async function createSyncRun(db: Kysely<Database>, input: NewSyncRun): Promise<string> {
  const row = await db
    .insertInto("sync_runs")
    .values({
      ...(input.id ? { id: input.id } : {}),
      organization_id: input.organizationId,
      connection_id: input.connectionId,
      kind: input.kind,
      requested_by_user_id: input.requestedByUserId ?? null,
      params: JSON.stringify(input.params ?? {}),
    })
    .onConflict((conflict) => conflict.column("id").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id ?? input.id!;
}

export function getSyncRun(db: Kysely<Database>, id: string): Promise<SyncRun | undefined> {
  return db.selectFrom("sync_runs").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A run of this organization with who asked for it, for its detail page; undefined for another organization's. */
export function getOrganizationSyncRun(db: Kysely<Database>, organizationId: string, id: string) {
  return db
    .selectFrom("sync_runs")
    .leftJoin("users", "users.id", "sync_runs.requested_by_user_id")
    .selectAll("sync_runs")
    .select("users.name as requested_by_name")
    .where("sync_runs.organization_id", "=", organizationId)
    .where("sync_runs.id", "=", id)
    .executeTakeFirst();
}

export function listSyncRuns(db: Kysely<Database>, organizationId: string, limit = 50): Promise<SyncRun[]> {
  return db.selectFrom("sync_runs").selectAll().where("organization_id", "=", organizationId).orderBy("created_at", "desc").limit(limit).execute();
}

/**
 * Marks a run started; false when it already ended (cancelled, or failed as never started), so its work is skipped.
 * `workflowRunId` is the Inngest run doing it from now on (see failOrphanedSyncRuns).
 */
export async function markSyncRunRunning(db: Kysely<Database>, id: string, workflowRunId?: string): Promise<boolean> {
  const result = await db
    .updateTable("sync_runs")
    .set({
      status: "running",
      started_at: sql`coalesce(started_at, now())`,
      updated_at: new Date(),
      ...(workflowRunId ? { workflow_run_id: workflowRunId } : {}),
    })
    .where("id", "=", id)
    .where("status", "in", ["queued", "running"])
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function setSyncRunWorkspacesTotal(db: Kysely<Database>, id: string, workspacesTotal: number): Promise<void> {
  await db.updateTable("sync_runs").set({ workspaces_total: workspacesTotal, updated_at: new Date() }).where("id", "=", id).execute();
}

/**
 * Adds deleted calls to a run's count. Only for work that cannot happen twice (a delete), called in the
 * transaction that does it; work that may be repeated records its numbers with `recordSyncRunProgress`.
 */
export async function addSyncRunDeletedCalls(db: Kysely<Database>, id: string, calls: number): Promise<void> {
  await db
    .updateTable("sync_runs")
    .set((eb) => ({ calls: eb("calls", "+", calls), updated_at: new Date() }))
    .where("id", "=", id)
    .execute();
}

/** Ends a run once; a cancelled run stays cancelled even if a late step reports success. */
export async function finishSyncRun(db: Kysely<Database>, id: string, status: Exclude<SyncRunStatus, "queued" | "running">, error?: string): Promise<void> {
  await db
    .updateTable("sync_runs")
    .set({ status, error: error ?? null, finished_at: new Date(), updated_at: new Date() })
    .where("id", "=", id)
    .where("status", "in", ["queued", "running"])
    .execute();
}

/**
 * Fails runs still queued after `minutes` while nothing else of their connection is running: their event was
 * never sent or never arrived (a crash between creating the run and sending it). They are not started later.
 */
export async function failStaleQueuedSyncRuns(db: Kysely<Database>, minutes: number): Promise<number> {
  const result = await db
    .updateTable("sync_runs")
    .set({ status: "failed", error: "The sync never started: its work was never queued. Start it again, or wait for the next scheduled sync.", finished_at: new Date(), updated_at: new Date() })
    .where("status", "=", "queued")
    .where("created_at", "<", sql<Date>`now() - make_interval(mins => ${minutes})`)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("sync_runs as other").select("other.id").whereRef("other.connection_id", "=", "sync_runs.connection_id").where("other.status", "=", "running"))),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// Every page, batch or step of a run's work records progress, which moves updated_at.
const quietFor = (minutes: number) => sql<boolean>`sync_runs.updated_at < now() - make_interval(mins => ${minutes})`;

/** Running runs without progress for `minutes` whose workflow is known, to ask Inngest about. */
export function listQuietSyncRunWorkflows(db: Kysely<Database>, minutes: number): Promise<{ id: string; workflow_run_id: string }[]> {
  return db
    .selectFrom("sync_runs")
    .select(["id", "workflow_run_id as workflow_run_id"])
    .where("status", "=", "running")
    .where("workflow_run_id", "is not", null)
    .where(quietFor(minutes))
    .$narrowType<{ workflow_run_id: string }>()
    .execute();
}

/**
 * Fails the running runs (all, or those of `ids`) without progress for `minutes`, checked in the same statement,
 * so a run that moved on meanwhile is left alone. Returns how many.
 */
export async function failQuietSyncRuns(db: Kysely<Database>, input: { minutes: number; error: string; ids?: string[] }): Promise<number> {
  if (input.ids?.length === 0) return 0;
  let query = db
    .updateTable("sync_runs")
    .set({ status: "failed", error: input.error, finished_at: new Date(), updated_at: new Date() })
    .where("status", "=", "running")
    .where(quietFor(input.minutes));
  if (input.ids) query = query.where("id", "in", input.ids);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Fails the runs a scheduler run created when that scheduler run itself failed before queueing them. */
export async function failQueuedSyncRunsScheduledBy(db: Kysely<Database>, schedulerRunId: string, error: string): Promise<void> {
  await db
    .updateTable("sync_runs")
    .set({ status: "failed", error, finished_at: new Date(), updated_at: new Date() })
    .where("status", "=", "queued")
    .where(sql<string>`params->>'scheduledBy'`, "=", schedulerRunId)
    .execute();
}

export async function cancelActiveSyncRuns(db: Kysely<Database>, connectionId: string, reason: string): Promise<void> {
  await db
    .updateTable("sync_runs")
    .set({ status: "cancelled", error: reason, finished_at: new Date(), updated_at: new Date() })
    .where("connection_id", "=", connectionId)
    .where("status", "in", ["queued", "running"])
    .execute();
}
