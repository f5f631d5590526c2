import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";

/**
 * Page writes hold this lock shared and deletes hold it exclusively, each until its transaction ends: a page
 * write either commits before a delete starts or sees the delete, so a deleted call is never written back.
 */
async function lockDeletedCalls(db: Kysely<Database>, organizationId: string, mode: "shared" | "exclusive"): Promise<void> {
  const lock = sql.raw(mode === "shared" ? "pg_advisory_xact_lock_shared" : "pg_advisory_xact_lock");
  await sql`select ${lock}(hashtextextended(${`deleted_calls:${organizationId}`}, 0))`.execute(db);
}

/** Gong ids among `gongIds` that an admin deleted; scheduled syncs skip them. */
export async function listDeletedCallGongIds(db: Kysely<Database>, organizationId: string, gongIds: string[]): Promise<Set<string>> {
  if (gongIds.length === 0) return new Set();
  const rows = await db
    .selectFrom("deleted_calls")
    .select("gong_id")
    .where("organization_id", "=", organizationId)
    .where("gong_id", "in", gongIds)
    .execute();
  return new Set(rows.map((row) => row.gong_id));
}

/** The deleted ones among `gongIds`, read under the lock that deletes wait for; call inside the write's transaction. */
export async function listDeletedCallGongIdsForWrite(db: Kysely<Database>, organizationId: string, gongIds: string[]): Promise<Set<string>> {
  if (gongIds.length === 0) return new Set();
  await lockDeletedCalls(db, organizationId, "shared");
  return listDeletedCallGongIds(db, organizationId, gongIds);
}

/**
 * Removes calls with everything hanging off them and remembers them, so they are not imported again. Returns the
 * Gong ids of the calls it removed: not the ids that named no call of the organization or one already deleted.
 */
export async function deleteCallsByGongId(
  db: Kysely<Database>,
  input: { organizationId: string; gongIds: string[]; userId: string | null },
): Promise<string[]> {
  if (input.gongIds.length === 0) return [];
  await lockDeletedCalls(db, input.organizationId, "exclusive");
  await db
    .insertInto("deleted_calls")
    .values(input.gongIds.map((gongId) => ({ organization_id: input.organizationId, gong_id: gongId, deleted_by_user_id: input.userId })))
    .onConflict((conflict) => conflict.columns(["organization_id", "gong_id"]).doNothing())
    .execute();
  // A deleted call that had failed validation is not waiting for a retry any more either.
  await db.deleteFrom("quarantined_gong_records").where("organization_id", "=", input.organizationId).where("gong_id", "in", input.gongIds).execute();
  const deleted = await db
    .deleteFrom("calls")
    .where("organization_id", "=", input.organizationId)
    .where("gong_id", "in", input.gongIds)
    .returning("gong_id")
    .execute();
  return deleted.map((row) => row.gong_id);
}

/** An explicit sync (Resync, or an admin choosing the call) brings a deleted call back. */
export async function forgetDeletedCalls(db: Kysely<Database>, organizationId: string, gongIds: string[]): Promise<void> {
  if (gongIds.length === 0) return;
  await db.deleteFrom("deleted_calls").where("organization_id", "=", organizationId).where("gong_id", "in", gongIds).execute();
}
