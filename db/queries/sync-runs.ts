import { type Kysely, sql } from "kysely";
import type { Database, SyncRun, SyncRunKind, SyncRunStatus } from "@/db/schema";

export async function createSyncRun(
  db: Kysely<Database>,
  input: { organizationId: string; connectionId: string; kind: SyncRunKind; requestedByUserId?: string | null; params?: Record<string, unknown> },
): Promise<string> {
  const row = await db
    .insertInto("sync_runs")
    .values({
      organization_id: input.organizationId,
      connection_id: input.connectionId,
      kind: input.kind,
      requested_by_user_id: input.requestedByUserId ?? null,
      params: JSON.stringify(input.params ?? {}),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export function getSyncRun(db: Kysely<Database>, id: string): Promise<SyncRun | undefined> {
  return db.selectFrom("sync_runs").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listSyncRuns(db: Kysely<Database>, organizationId: string, limit = 50): Promise<SyncRun[]> {
  return db.selectFrom("sync_runs").selectAll().where("organization_id", "=", organizationId).orderBy("created_at", "desc").limit(limit).execute();
}

export async function markSyncRunRunning(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable("sync_runs")
    .set({ status: "running", started_at: sql`coalesce(started_at, now())`, updated_at: new Date() })
    .where("id", "=", id)
    .where("status", "in", ["queued", "running"])
    .execute();
}

type Counter = "pages" | "calls" | "transcripts" | "transcripts_pending" | "users" | "skipped_deleted" | "workspaces_done" | "gong_requests";

/** Adds to a run's counters atomically; several functions may report into one run at once. */
export async function addSyncRunProgress(
  db: Kysely<Database>,
  id: string,
  progress: Partial<Record<Counter, number>> & { calls_total?: number; workspaces_total?: number },
): Promise<void> {
  const { calls_total, workspaces_total, ...counters } = progress;
  await db
    .updateTable("sync_runs")
    .set((eb) => ({
      ...Object.fromEntries(Object.entries(counters).map(([column, amount]) => [column, eb(eb.ref(column as Counter), "+", amount ?? 0)])),
      ...(calls_total === undefined ? {} : { calls_total: sql`coalesce(calls_total, 0) + ${calls_total}` }),
      ...(workspaces_total === undefined ? {} : { workspaces_total }),
      updated_at: new Date(),
    }))
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

export async function cancelActiveSyncRuns(db: Kysely<Database>, connectionId: string, reason: string): Promise<void> {
  await db
    .updateTable("sync_runs")
    .set({ status: "cancelled", error: reason, finished_at: new Date(), updated_at: new Date() })
    .where("connection_id", "=", connectionId)
    .where("status", "in", ["queued", "running"])
    .execute();
}
