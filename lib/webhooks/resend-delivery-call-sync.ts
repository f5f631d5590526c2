import type { Kysely } from "kysely";
import { createAuditEvent } from "@/db/queries/audit-events";
import { getGongConnection } from "@/db/queries/gong-connections";
import { getWebhookDelivery } from "@/db/queries/webhook-deliveries";
import type { Database } from "@/db/schema";
import { gongCallSyncRequested } from "@/inngest/events";
import { startSyncRun } from "@/lib/sync/start-sync-run";

export type ResendResult = { ok: true; runId: string } | { ok: false; error: string };

/**
 * Syncs again the call an accepted delivery announced, as a run of its own that Sync activity shows. The delivery
 * is not replayed: the receiver's event id for it dedupes for 24 hours, and its body was never stored. A call
 * deleted in Callbridge stays deleted, as it would for a new delivery.
 */
export async function resendDeliveryCallSync(
  db: Kysely<Database>,
  send: Parameters<typeof startSyncRun>[1],
  actor: { organizationId: string; userId: string },
  deliveryId: string,
): Promise<ResendResult> {
  const delivery = await getWebhookDelivery(db, actor.organizationId, deliveryId);
  if (!delivery) return { ok: false, error: "That delivery is no longer in the log." };
  const callGongId = delivery.call_gong_id;
  if (delivery.outcome !== "accepted" || delivery.is_test || !callGongId) return { ok: false, error: "Only an accepted delivery of a call can be synced again." };
  const connection = await getGongConnection(db, delivery.connection_id);
  if (connection?.status !== "connected") return { ok: false, error: "Gong is not connected: reconnect it first." };
  const runId = await startSyncRun(
    db,
    send,
    { organizationId: actor.organizationId, connectionId: connection.id, kind: "single_call", requestedByUserId: actor.userId, params: { callGongIds: [callGongId], deliveryId } },
    (id) => gongCallSyncRequested.create({ connectionId: connection.id, callGongId, explicit: false, runId: id }, { id: `webhook-resend-${id}` }),
  );
  if (!runId) return { ok: false, error: "The sync could not be queued. Try again in a moment." };
  await createAuditEvent(db, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action: "webhook.call_sync_resent",
    target: callGongId,
    details: { deliveryId, runId },
  });
  return { ok: true, runId };
}
