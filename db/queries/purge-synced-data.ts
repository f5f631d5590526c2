import type { Kysely } from "kysely";
import type { Database } from "@/db/schema";

/** Calls per purge transaction: each takes its parties, transcript sentences and insights with it. */
export const PURGE_BATCH_CALLS = 500;

/**
 * Deletes up to `limit` of the organization's calls (with parties, transcripts and insights) and returns how
 * many. Purging batch by batch, a step each, keeps every step short: 500 calls of ~40 transcript segments took
 * 33–55 ms on the 2-core machine, 17,500 in one transaction 3.6 s (so some 20 s for an organization of 100,000),
 * which a retry would redo whole and during which the run's deleted count would not move.
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
