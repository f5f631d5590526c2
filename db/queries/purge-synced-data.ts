import type { Kysely } from "kysely";
import type { Database } from "@/db/schema";

/** Calls per purge transaction: each takes its parties, transcript sentences and insights with it. */
export const PURGE_BATCH_CALLS = 500;

/**
 * Deletes up to `limit` of the organization's calls (with parties, transcripts and insights) and returns how
 * many. Purging batch by batch keeps each transaction short; the embedded PGlite serialises connections, so one
 * transaction over a whole organization would hold up every other query until it finished.
 */
export async function deleteSyncedCallsBatch(db: Kysely<Database>, organizationId: string, limit = PURGE_BATCH_CALLS): Promise<number> {
  const result = await db
    .deleteFrom("calls")
    .where("id", "in", (eb) => eb.selectFrom("calls").select("id").where("organization_id", "=", organizationId).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** What is left once the calls are gone: Gong users and their email links, workspaces, deletions, quarantined calls, the watermark. */
export async function purgeSyncedRecords(db: Kysely<Database>, organizationId: string, connectionId: string): Promise<void> {
  await db.deleteFrom("user_gong_links").where("organization_id", "=", organizationId).where("source", "=", "email").execute();
  await db.deleteFrom("gong_users").where("organization_id", "=", organizationId).execute();
  await db.deleteFrom("gong_workspaces").where("organization_id", "=", organizationId).execute();
  await db.deleteFrom("deleted_calls").where("organization_id", "=", organizationId).execute();
  await db.deleteFrom("quarantined_gong_records").where("organization_id", "=", organizationId).execute();
  await db.deleteFrom("sync_watermarks").where("connection_id", "=", connectionId).execute();
}
