import type { Kysely } from "kysely";
import { getGongConnection } from "@/db/queries/gong-connections";
import { listWorkspaces as listStoredWorkspaces, upsertDiscoveredWorkspaces } from "@/db/queries/gong-workspaces";
import type { Database } from "@/db/schema";
import { listWorkspaces } from "@/lib/gong/client";
import type { GongAppConfig } from "@/lib/gong-connection/config";
import { createGongContext } from "@/lib/gong-connection/create-gong-context";

export const WORKSPACES_SCOPE = "api:workspaces:read";

/**
 * Stores Gong's workspaces and returns the ones to sync: those asked for, or every enabled one. Without the
 * workspaces scope nothing can be listed or chosen: the target is the whole company in one pass (`null`), or
 * the workspace ids asked for as given (Gong filters calls by workspace without that scope). A company with no
 * workspaces at all is synced in one pass too.
 */
export async function discoverWorkspaces(
  db: Kysely<Database>,
  config: GongAppConfig,
  input: { connectionId: string; requested?: string[] },
): Promise<{ targets: (string | null)[]; added: string[] }> {
  const connection = await getGongConnection(db, input.connectionId);
  if (!connection) throw new Error(`Gong connection ${input.connectionId} no longer exists`);
  if (!connection.granted_scopes.includes(WORKSPACES_SCOPE)) return { targets: input.requested ?? [null], added: [] };
  const context = await createGongContext(db, config, input.connectionId);
  const workspaces = await listWorkspaces(context);
  const { added } = await upsertDiscoveredWorkspaces(
    db,
    { organizationId: connection.organization_id, connectionId: connection.id, includeNewWorkspaces: connection.include_new_workspaces },
    workspaces.map((workspace) => ({ gong_id: workspace.id, name: workspace.name ?? workspace.id, description: workspace.description })),
  );
  const stored = await listStoredWorkspaces(db, connection.organization_id);
  const requested = input.requested ? new Set(input.requested) : undefined;
  const targets = stored.filter((workspace) => (requested ? requested.has(workspace.gong_id) : workspace.sync_enabled)).map((workspace) => workspace.gong_id);
  // A company that uses no workspaces still has calls.
  return { targets: stored.length === 0 && !requested ? [null] : targets, added };
}
