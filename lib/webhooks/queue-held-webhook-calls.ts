import type { Kysely } from "kysely";
import { getGongConnection } from "@/db/queries/gong-connections";
import { createSyncRun, finishSyncRun } from "@/db/queries/sync-runs";
import { listAnnouncedWebhookCalls, markHeldWebhookDeliveries } from "@/db/queries/webhook-deliveries";
import type { Database } from "@/db/schema";
import { gongCallsSyncRequested } from "@/inngest/events";

export type HeldCallsSyncEvent = ReturnType<typeof gongCallsSyncRequested.create>;

export const CALLS_PER_RUN = 100;

/**
 * Once Gong is connected again: syncs every call Gong announced by webhook that Callbridge does not hold, in manual
 * sync runs of up to 100 calls. That is the calls held while the connection needed re-authorization, and those
 * accepted whose sync then found the connection unusable. A call deleted here since stays deleted. Returns the
 * run ids; held deliveries record which run took them up.
 */
export async function queueHeldWebhookCalls(
  db: Kysely<Database>,
  connectionId: string,
  sendEvent: (event: HeldCallsSyncEvent) => Promise<unknown>,
): Promise<string[]> {
  const connection = await getGongConnection(db, connectionId);
  if (connection?.status !== "connected") return [];
  const announced = await listAnnouncedWebhookCalls(db, connectionId);
  if (announced.length === 0) return [];
  const ids = announced.map((call) => call.callGongId);
  const [stored, deleted] = await Promise.all([
    db.selectFrom("calls").select("gong_id").where("organization_id", "=", connection.organization_id).where("gong_id", "in", ids).execute(),
    db.selectFrom("deleted_calls").select("gong_id").where("organization_id", "=", connection.organization_id).where("gong_id", "in", ids).execute(),
  ]);
  const storedIds = new Set(stored.map((row) => row.gong_id));
  const deletedIds = new Set(deleted.map((row) => row.gong_id));
  const heldIds = announced.filter((call) => call.held).map((call) => call.callGongId);
  await markHeldWebhookDeliveries(db, connectionId, heldIds.filter((id) => storedIds.has(id)), "stored");
  await markHeldWebhookDeliveries(db, connectionId, heldIds.filter((id) => deletedIds.has(id) && !storedIds.has(id)), "deleted");

  const missing = ids.filter((id) => !storedIds.has(id) && !deletedIds.has(id));
  const runIds: string[] = [];
  for (let start = 0; start < missing.length; start += CALLS_PER_RUN) {
    const callGongIds = missing.slice(start, start + CALLS_PER_RUN);
    const runId = await createSyncRun(db, {
      organizationId: connection.organization_id,
      connectionId,
      kind: "manual",
      params: { call_ids: callGongIds, source: "webhook_after_reconnect" },
    });
    try {
      await sendEvent(gongCallsSyncRequested.create({ connectionId, runId, callGongIds }, { id: runId }));
    } catch (error) {
      // The held deliveries stay untaken, so the next reconnect tries again.
      await finishSyncRun(db, runId, "failed", "Could not queue the sync of calls held while Gong needed re-authorization.");
      throw error;
    }
    await markHeldWebhookDeliveries(db, connectionId, callGongIds, runId);
    runIds.push(runId);
  }
  return runIds;
}
