import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";

export async function upsertSyncWatermark(
  db: Kysely<Database>,
  connectionId: string,
  watermark: { syncedThrough: Date; runStartedAt: Date },
): Promise<void> {
  await db
    .insertInto("sync_watermarks")
    .values({ connection_id: connectionId, synced_through: watermark.syncedThrough, last_run_started_at: watermark.runStartedAt })
    .onConflict((conflict) =>
      conflict.column("connection_id").doUpdateSet({
        synced_through: sql`greatest(sync_watermarks.synced_through, excluded.synced_through)`,
        last_run_started_at: sql`greatest(sync_watermarks.last_run_started_at, excluded.last_run_started_at)`,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

/**
 * Connected connections with auto-sync on whose interval has passed, and that have no full or scheduled run
 * going now; `synced_through` is null before the first full or scheduled sync succeeds. Runs created by the
 * scheduler run `exceptScheduledBy` do not count as going: a retry of that scheduler run sends them again.
 */
export function listConnectionsDueForSync(db: Kysely<Database>, options: { exceptScheduledBy?: string } = {}) {
  return db
    .selectFrom("gong_connections as c")
    .leftJoin("sync_watermarks as w", "w.connection_id", "c.id")
    .select(["c.id", "c.organization_id", "c.sync_on_connect", "w.synced_through", sql<Date>`coalesce(c.connected_at, c.created_at)`.as("connected_at")])
    .where("c.status", "=", "connected")
    .where("c.auto_sync_interval_hours", "is not", null)
    // Never synced: due an interval after connecting, so "sync on connect" off is not overruled by the next tick.
    .where(sql<Date>`coalesce(w.last_run_started_at, c.connected_at, c.created_at)`, "<", sql<Date>`now() - make_interval(hours => c.auto_sync_interval_hours)`)
    .where(({ not, exists, selectFrom }) => {
      let active = selectFrom("sync_runs as r")
        .select("r.id")
        .whereRef("r.connection_id", "=", "c.id")
        .where("r.kind", "in", ["backfill", "scheduled"])
        .where("r.status", "in", ["queued", "running"]);
      if (options.exceptScheduledBy) active = active.where(sql`r.params->>'scheduledBy'`, "is distinct from", options.exceptScheduledBy);
      return not(exists(active));
    })
    .execute();
}
