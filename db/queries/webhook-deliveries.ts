import { type Kysely, sql } from "kysely";
import type { Database, WebhookAuth, WebhookDeliveryOutcome } from "@/db/schema";
import { type LoggedDelivery, REJECTED_LOG_RATE, insertWebhookDeliveries } from "./insert-webhook-deliveries";

export { REJECTED_LOG_RATE };

export type WebhookDeliveryInput = {
  organizationId: string;
  connectionId: string;
  outcome: WebhookDeliveryOutcome;
  reason: string | null;
  httpStatus: number;
  callGongId: string | null;
  isTest: boolean;
  eventId: string | null;
  /** The connection's method when the delivery was checked. */
  auth?: WebhookAuth | null;
};

/**
 * Kept per connection: the newest verified deliveries and, apart from them, the newest rejected ones, so a flood
 * of rejections cannot push out what Gong really sent. A deferred delivery not yet taken up is never pruned; only
 * calls signed by the connection's Gong rule create those.
 */
export const WEBHOOK_DELIVERY_RETENTION = { verified: 1000, rejected: 200 } as const;

// Rejections are what a flood sends, so each batch of them prunes before it is answered; verified deliveries come at
// Gong's pace, and a connection is pruned after every 20th of its own, one prune at a time and after the answer, so
// each stays near its bound without a delete on the way of Gong's deliveries.
const PRUNE_VERIFIED_EVERY = 20;
const verifiedSincePrune = new Map<string, number>();
const MAX_COUNTED_CONNECTIONS = 10_000;
let verifiedPrunes: Promise<void> = Promise.resolve();

/**
 * One statement for many deliveries (the receiver batches concurrent ones), then the pruning each connection is due.
 * Returns how many rejected deliveries were not logged, per connection, for being over REJECTED_LOG_RATE.
 */
export async function createWebhookDeliveries(db: Kysely<Database>, deliveries: readonly WebhookDeliveryInput[]): Promise<Map<string, number>> {
  if (deliveries.length === 0) return new Map();
  const logged = await insertWebhookDeliveries(db, deliveries);
  const due = new Map<string, { rejected: boolean; verified: boolean }>();
  for (const { connectionId, outcome } of logged) {
    const entry = due.get(connectionId) ?? { rejected: false, verified: false };
    if (outcome === "rejected") entry.rejected = true;
    else {
      const count = (verifiedSincePrune.get(connectionId) ?? 0) + 1;
      if (count >= PRUNE_VERIFIED_EVERY) entry.verified = true;
      verifiedSincePrune.set(connectionId, count >= PRUNE_VERIFIED_EVERY ? 0 : count);
    }
    due.set(connectionId, entry);
  }
  if (verifiedSincePrune.size > MAX_COUNTED_CONNECTIONS) verifiedSincePrune.clear();
  for (const [connectionId, { rejected, verified }] of due) {
    if (rejected) await pruneWebhookDeliveries(db, connectionId, true);
    if (!verified) continue;
    verifiedPrunes = verifiedPrunes
      .then(() => pruneWebhookDeliveries(db, connectionId, false))
      .catch((error: unknown) => console.error("webhook: could not prune the delivery log", { connectionId, error }));
  }
  return countUnloggedRejections(deliveries, logged);
}

function countUnloggedRejections(deliveries: readonly LoggedDelivery[], logged: readonly LoggedDelivery[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (connectionId: string, step: number) => counts.set(connectionId, (counts.get(connectionId) ?? 0) + step);
  for (const delivery of deliveries) if (delivery.outcome === "rejected") add(delivery.connectionId, 1);
  for (const delivery of logged) if (delivery.outcome === "rejected") add(delivery.connectionId, -1);
  return new Map([...counts].filter(([, count]) => count > 0));
}

/**
 * Deletes what is past the retention in the class just written. The class is spelled out in the SQL (not a bound
 * parameter) so Postgres uses that class's partial index to find the edge.
 */
async function pruneWebhookDeliveries(db: Kysely<Database>, connectionId: string, rejected: boolean): Promise<void> {
  const keep = rejected ? WEBHOOK_DELIVERY_RETENTION.rejected : WEBHOOK_DELIVERY_RETENTION.verified;
  const inClass = rejected ? sql`outcome = 'rejected'` : sql`outcome <> 'rejected'`;
  await sql`
    delete from webhook_deliveries
    where connection_id = ${connectionId}
      and ${inClass}
      and not (outcome = 'deferred' and event_id is null)
      and (received_at, id) < (
        select received_at, id from webhook_deliveries
        where connection_id = ${connectionId} and ${inClass}
        order by received_at desc, id desc
        offset ${keep - 1} limit 1
      )`.execute(db);
}

export type WebhookDeliveryRow = {
  id: string;
  received_at: Date;
  outcome: WebhookDeliveryOutcome;
  reason: string | null;
  http_status: number;
  call_gong_id: string | null;
  is_test: boolean;
  event_id: string | null;
  auth: WebhookAuth | null;
  /** The synced call the delivery announced, when Callbridge holds it. */
  call_id: string | null;
  call_title: string | null;
};

/** The newest deliveries to an organization's connection, newest first, with the synced call each announced. */
export function listWebhookDeliveries(db: Kysely<Database>, organizationId: string, limit = 20): Promise<WebhookDeliveryRow[]> {
  return db
    .selectFrom("webhook_deliveries as d")
    .leftJoin("calls", (join) => join.onRef("calls.organization_id", "=", "d.organization_id").onRef("calls.gong_id", "=", "d.call_gong_id"))
    .select(["d.id", "d.received_at", "d.outcome", "d.reason", "d.http_status", "d.call_gong_id", "d.is_test", "d.event_id", "d.auth"])
    .select(["calls.id as call_id", "calls.title as call_title"])
    .where("d.organization_id", "=", organizationId)
    .orderBy("d.received_at", "desc")
    .orderBy("d.id", "desc")
    .limit(limit)
    .execute();
}

/** One delivery of an organization, for acting on it (resending its call's sync). */
export function getWebhookDelivery(db: Kysely<Database>, organizationId: string, id: string) {
  return db
    .selectFrom("webhook_deliveries")
    .select(["id", "connection_id", "outcome", "call_gong_id", "is_test"])
    .where("organization_id", "=", organizationId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** When the organization's webhook last received a delivery Gong signed or keyed correctly (a test counts). */
export async function getLastVerifiedDeliveryAt(db: Kysely<Database>, organizationId: string): Promise<Date | null> {
  const row = await db
    .selectFrom("webhook_deliveries")
    .select("received_at")
    .where("organization_id", "=", organizationId)
    .where("outcome", "<>", "rejected")
    .orderBy("received_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.received_at ?? null;
}

/** Gong call ids a connection was told about by verified, non-test deliveries: accepted ones, and held ones not yet taken up. */
export async function listAnnouncedWebhookCalls(db: Kysely<Database>, connectionId: string): Promise<{ callGongId: string; held: boolean }[]> {
  const rows = await db
    .selectFrom("webhook_deliveries")
    .select(["call_gong_id", sql<boolean>`bool_or(outcome = 'deferred')`.as("held")])
    .where("connection_id", "=", connectionId)
    .where("is_test", "=", false)
    .where("call_gong_id", "is not", null)
    .where((eb) => eb.or([eb("outcome", "=", "accepted"), eb.and([eb("outcome", "=", "deferred"), eb("event_id", "is", null)])]))
    .groupBy("call_gong_id")
    .orderBy("call_gong_id")
    .execute();
  return rows.map((row) => ({ callGongId: row.call_gong_id!, held: row.held }));
}

/** Records what took up held deliveries of these calls: a sync run's id, or "stored" / "deleted" when none was needed. */
export async function markHeldWebhookDeliveries(db: Kysely<Database>, connectionId: string, callGongIds: string[], takenUpBy: string): Promise<void> {
  if (callGongIds.length === 0) return;
  await db
    .updateTable("webhook_deliveries")
    .set({ event_id: takenUpBy })
    .where("connection_id", "=", connectionId)
    .where("outcome", "=", "deferred")
    .where("event_id", "is", null)
    .where("call_gong_id", "in", callGongIds)
    .execute();
}
