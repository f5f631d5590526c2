import type { Kysely } from "kysely";
import type { Database } from "@/db/schema";

export type CallsListContext = {
  hasConnection: boolean;
  workspaces: { gongId: string; name: string }[];
  trackers: { id: string; name: string }[];
};

/** What the calls list needs besides calls: whether Gong was ever connected, and the workspaces and trackers to filter by. */
export async function getCallsListContext(db: Kysely<Database>, organizationId: string): Promise<CallsListContext> {
  const [connection, workspaces, trackers] = await Promise.all([
    db.selectFrom("gong_connections").select("status").where("organization_id", "=", organizationId).executeTakeFirst(),
    db.selectFrom("gong_workspaces").select(["gong_id as gongId", "name"]).where("organization_id", "=", organizationId).orderBy("name").execute(),
    db.selectFrom("trackers").select(["id", "name"]).where("organization_id", "=", organizationId).orderBy("name").execute(),
  ]);
  return { hasConnection: !!connection && connection.status !== "revoked", workspaces, trackers };
}
