import type { Kysely } from "kysely";
import type { Database } from "@/db/schema";

/** Everything a connection synced: calls (with parties, transcripts, insights), Gong users and their email links, workspaces. */
export async function purgeSyncedData(db: Kysely<Database>, organizationId: string, connectionId: string): Promise<{ calls: number }> {
  const calls = await db.deleteFrom("calls").where("organization_id", "=", organizationId).executeTakeFirst();
  await db.deleteFrom("user_gong_links").where("organization_id", "=", organizationId).where("source", "=", "email").execute();
  await db.deleteFrom("gong_users").where("organization_id", "=", organizationId).execute();
  await db.deleteFrom("gong_workspaces").where("organization_id", "=", organizationId).execute();
  await db.deleteFrom("deleted_calls").where("organization_id", "=", organizationId).execute();
  await db.deleteFrom("sync_watermarks").where("connection_id", "=", connectionId).execute();
  return { calls: Number(calls.numDeletedRows) };
}
