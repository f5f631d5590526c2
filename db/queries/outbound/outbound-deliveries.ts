import { type Kysely, sql } from "kysely";
import type { Database, OutboundDelivery, OutboundDeliveryStatus } from "@/db/schema";

export type NewOutboundDelivery = { endpointId: string; organizationId: string | null; messageId: string; eventType: string; payload: unknown };

/**
 * Records one delivery per (endpoint, message), once: a repeated fan-out inserts nothing new and gets the same ids.
 * Answers the stored row of each given delivery, by position (as it is now: a repeated fan-out finds some already
 * delivered), or undefined where there is none (its endpoint was deleted meanwhile).
 */
export async function createOutboundDeliveries(db: Kysely<Database>, deliveries: NewOutboundDelivery[]): Promise<(OutboundDelivery | undefined)[]> {
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
  return deliveries.map((each) => byKey.get(`${each.endpointId}/${each.messageId}`));
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

/**
 * Counts attempts and what came of them, each as of its own time `at`, in one statement however many. A delivery
 * given more than once counts each attempt, keeps what came of the last, and its first attempt is the earliest.
 */
export async function recordDeliveryAttempts(db: Kysely<Database>, attempts: readonly (DeliveryAttemptRecord & { id: string; at: Date })[]): Promise<void> {
  if (attempts.length === 0) return;
  const byId = new Map<string, { count: number; firstAt: Date; last: DeliveryAttemptRecord & { at: Date } }>();
  for (const { id, ...attempt } of attempts) {
    const seen = byId.get(id);
    byId.set(id, { count: (seen?.count ?? 0) + 1, firstAt: seen && seen.firstAt < attempt.at ? seen.firstAt : attempt.at, last: attempt });
  }
  const rows = [...byId].map(([id, { count, firstAt, last }]) => ({
    id,
    count,
    status: last.status,
    response_status: last.responseStatus,
    latency_ms: last.latencyMs,
    last_error: last.error,
    next_attempt_at: last.nextAttemptAt,
    first_at: firstAt,
    at: last.at,
  }));
  await sql`
    update outbound_deliveries d set
      status = v.status,
      attempts = d.attempts + v.count,
      response_status = v.response_status,
      latency_ms = v.latency_ms,
      last_error = v.last_error,
      next_attempt_at = v.next_attempt_at,
      first_attempt_at = coalesce(d.first_attempt_at, v.first_at),
      last_attempt_at = v.at,
      delivered_at = case when v.status = 'delivered' then v.at end
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(
      id uuid, count integer, status text, response_status integer, latency_ms integer, last_error text, next_attempt_at timestamptz, first_at timestamptz, at timestamptz)
    where d.id = v.id`.execute(db);
}

/** Ends a delivery that will not be attempted (its endpoint is disabled or gone). */
export async function cancelOutboundDelivery(db: Kysely<Database>, id: string, reason: string): Promise<void> {
  await db.updateTable("outbound_deliveries").set({ status: "cancelled", last_error: reason, next_attempt_at: null }).where("id", "=", id).where("status", "=", "pending").execute();
}
