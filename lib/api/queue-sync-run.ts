import { createSyncRun, finishSyncRun } from "@/db/queries/sync-runs";
import type { SyncRunKind } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { ApiEvent, OrganizationApiContext } from "./api-endpoint";

/**
 * Records a queued run and sends the event that performs it, using the run id as the event id so a retried send
 * is deduplicated. If the event cannot be sent the run is marked failed, so it never sits queued forever.
 */
export async function queueSyncRun(
  ctx: OrganizationApiContext,
  input: { connectionId: string; kind: SyncRunKind; params: Record<string, unknown>; event: (runId: string) => ApiEvent },
): Promise<{ sync_run_id: string }> {
  const runId = await createSyncRun(ctx.db, {
    organizationId: ctx.organizationId,
    connectionId: input.connectionId,
    kind: input.kind,
    requestedByUserId: null,
    params: { ...input.params, api_key_id: ctx.principal.keyId },
  });
  try {
    await ctx.sendEvent(input.event(runId));
  } catch (error) {
    await finishSyncRun(ctx.db, runId, "failed", "Could not queue the work.");
    throw new AppError("unavailable", "The sync could not be queued; try again shortly.", { cause: error });
  }
  return { sync_run_id: runId };
}
