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
 * Connected connections with auto-sync on whose interval has passed since their last full or scheduled run
 * started, and that have no such run going now. `synced_through` is null before the first full sync.
 */
export function listConnectionsDueForSync(db: Kysely<Database>) {
  return db
    .selectFrom("gong_connections as c")
    .leftJoin("sync_watermarks as w", "w.connection_id", "c.id")
    .select(["c.id", "c.organization_id", "w.synced_through"])
    .where("c.status", "=", "connected")
    .where("c.auto_sync_interval_hours", "is not", null)
    .where((eb) =>
      eb.or([
        eb("w.last_run_started_at", "is", null),
        eb("w.last_run_started_at", "<", sql<Date>`now() - make_interval(hours => c.auto_sync_interval_hours)`),
      ]),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("sync_runs as r")
            .select("r.id")
            .whereRef("r.connection_id", "=", "c.id")
            .where("r.kind", "in", ["backfill", "scheduled"])
            .where("r.status", "in", ["queued", "running"]),
        ),
      ),
    )
    .execute();
}
