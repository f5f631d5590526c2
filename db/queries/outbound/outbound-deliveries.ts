import { type Kysely, sql } from "kysely";
import type { Database, OutboundDelivery, OutboundDeliveryStatus } from "@/db/schema";

export type NewOutboundDelivery = { endpointId: string; organizationId: string | null; messageId: string; eventType: string; payload: unknown };

/**
 * Records one delivery per (endpoint, message), once: a repeated fan-out inserts nothing new and gets the same ids.
 * Returns the stored rows (as they are now: a repeated fan-out finds some already delivered), in the order given.
 */
export async function createOutboundDeliveries(db: Kysely<Database>, deliveries: NewOutboundDelivery[]): Promise<OutboundDelivery[]> {
  if (deliveries.length === 0) return [];
  await db
    .insertInto("outbound_deliveries")
    .values(
      deliveries.map((each) => ({
        endpoint_id: each.endpointId,
        organization_id: each.organizationId,
        message_id: each.messageId,
        event_type: each.eventType,
        payload: JSON.stringify(each.payload),
      })),
    )
    .onConflict((oc) => oc.columns(["endpoint_id", "message_id"]).where("replay_of", "is", null).doNothing())
    .execute();
  const stored = await db
    .selectFrom("outbound_deliveries")
    .selectAll()
    .where("message_id", "in", [...new Set(deliveries.map((each) => each.messageId))])
    .where("endpoint_id", "in", [...new Set(deliveries.map((each) => each.endpointId))])
    .where("replay_of", "is", null)
    .execute();
  const byKey = new Map(stored.map((row) => [`${row.endpoint_id}/${row.message_id}`, row]));
  return deliveries.flatMap((each) => {
    const row = byKey.get(`${each.endpointId}/${each.messageId}`);
    return row ? [row] : [];
  });
}

/** A new delivery of the same message (same webhook-id, same body) to the same endpoint. */
export async function createReplayDelivery(db: Kysely<Database>, original: OutboundDelivery): Promise<OutboundDelivery> {
  return db
    .insertInto("outbound_deliveries")
    .values({
      endpoint_id: original.endpoint_id,
      organization_id: original.organization_id,
      message_id: original.message_id,
      event_type: original.event_type,
      payload: JSON.stringify(original.payload),
      replay_of: original.replay_of ?? original.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getOutboundDelivery(db: Kysely<Database>, id: string): Promise<OutboundDelivery | undefined> {
  return db.selectFrom("outbound_deliveries").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listEndpointDeliveries(db: Kysely<Database>, endpointId: string, limit = 50): Promise<OutboundDelivery[]> {
  return db.selectFrom("outbound_deliveries").selectAll().where("endpoint_id", "=", endpointId).orderBy("created_at", "desc").orderBy("id", "desc").limit(limit).execute();
}

export type DeliveryAttemptRecord = {
  status: OutboundDeliveryStatus;
  responseStatus: number | null;
  latencyMs: number | null;
  error: string | null;
  nextAttemptAt: Date | null;
};

/** Counts an attempt and what came of it. */
export async function recordDeliveryAttempt(db: Kysely<Database>, id: string, attempt: DeliveryAttemptRecord): Promise<void> {
  const now = new Date();
  await db
    .updateTable("outbound_deliveries")
    .set((eb) => ({
      status: attempt.status,
      attempts: eb("attempts", "+", 1),
      response_status: attempt.responseStatus,
      latency_ms: attempt.latencyMs,
      last_error: attempt.error,
      next_attempt_at: attempt.nextAttemptAt,
      first_attempt_at: sql<Date>`coalesce(first_attempt_at, ${now})`,
      last_attempt_at: now,
      delivered_at: attempt.status === "delivered" ? now : null,
    }))
    .where("id", "=", id)
    .execute();
}

/** Ends a delivery that will not be attempted (its endpoint is disabled or gone). */
export async function cancelOutboundDelivery(db: Kysely<Database>, id: string, reason: string): Promise<void> {
  await db.updateTable("outbound_deliveries").set({ status: "cancelled", last_error: reason, next_attempt_at: null }).where("id", "=", id).where("status", "=", "pending").execute();
}
