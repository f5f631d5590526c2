import type { Kysely } from "kysely";
import type { Database, GongWorkspace } from "@/db/schema";

export type DiscoveredWorkspace = { gong_id: string; name: string; description: string | null };

/**
 * Stores the workspaces Gong lists. On the first discovery every workspace is enabled; later, a workspace
 * Gong adds is flagged new and enabled only when the admin chose to include new workspaces automatically.
 */
export async function upsertDiscoveredWorkspaces(
  db: Kysely<Database>,
  scope: { organizationId: string; connectionId: string; includeNewWorkspaces: boolean },
  workspaces: DiscoveredWorkspace[],
): Promise<{ added: string[] }> {
  if (workspaces.length === 0) return { added: [] };
  const known = await db.selectFrom("gong_workspaces").select("gong_id").where("organization_id", "=", scope.organizationId).execute();
  const firstDiscovery = known.length === 0;
  const knownIds = new Set(known.map((row) => row.gong_id));
  const added = workspaces.filter((workspace) => !knownIds.has(workspace.gong_id)).map((workspace) => workspace.gong_id);
  await db
    .insertInto("gong_workspaces")
    .values(
      workspaces.map((workspace) => ({
        ...workspace,
        organization_id: scope.organizationId,
        connection_id: scope.connectionId,
        is_new: !firstDiscovery,
        sync_enabled: firstDiscovery || scope.includeNewWorkspaces,
      })),
    )
    .onConflict((conflict) =>
      conflict.columns(["organization_id", "gong_id"]).doUpdateSet((eb) => ({
        name: eb.ref("excluded.name"),
        description: eb.ref("excluded.description"),
        connection_id: eb.ref("excluded.connection_id"),
        updated_at: new Date(),
      })),
    )
    .execute();
  return { added };
}

export function listWorkspaces(db: Kysely<Database>, organizationId: string): Promise<GongWorkspace[]> {
  return db.selectFrom("gong_workspaces").selectAll().where("organization_id", "=", organizationId).orderBy("name").execute();
}

export async function markWorkspaceSynced(db: Kysely<Database>, organizationId: string, gongId: string): Promise<void> {
  await db
    .updateTable("gong_workspaces")
    .set({ last_synced_at: new Date(), updated_at: new Date() })
    .where("organization_id", "=", organizationId)
    .where("gong_id", "=", gongId)
    .execute();
}

export async function updateWorkspaceSyncEnabled(db: Kysely<Database>, organizationId: string, gongId: string, enabled: boolean): Promise<void> {
  await db
    .updateTable("gong_workspaces")
    .set({ sync_enabled: enabled, is_new: false, updated_at: new Date() })
    .where("organization_id", "=", organizationId)
    .where("gong_id", "=", gongId)
    .execute();
}

/** Workspaces with how many synced calls each holds, for the Sync activity page. */
export function listWorkspacesWithCallCounts(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom("gong_workspaces as w")
    .select((eb) => [
      "w.gong_id",
      "w.name",
      "w.sync_enabled",
      "w.is_new",
      "w.last_synced_at",
      eb
        .selectFrom("calls")
        .select(eb.fn.countAll<string>().as("n"))
        .whereRef("calls.organization_id", "=", "w.organization_id")
        .whereRef("calls.workspace_gong_id", "=", "w.gong_id")
        .as("call_count"),
    ])
    .where("w.organization_id", "=", organizationId)
    .orderBy("w.name")
    .execute();
}
