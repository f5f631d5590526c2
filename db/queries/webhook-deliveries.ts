import type { Kysely } from "kysely";
import type { Database, WebhookDeliveryOutcome } from "@/db/schema";

export type WebhookDeliveryInput = {
  organizationId: string | null;
  connectionId: string | null;
  outcome: WebhookDeliveryOutcome;
  reason: string | null;
  httpStatus: number;
  callGongId: string | null;
  isTest: boolean;
  eventId: string | null;
};

export async function createWebhookDelivery(db: Kysely<Database>, delivery: WebhookDeliveryInput): Promise<void> {
  await db
    .insertInto("webhook_deliveries")
    .values({
      organization_id: delivery.organizationId,
      connection_id: delivery.connectionId,
      outcome: delivery.outcome,
      reason: delivery.reason,
      http_status: delivery.httpStatus,
      call_gong_id: delivery.callGongId,
      is_test: delivery.isTest,
      event_id: delivery.eventId,
    })
    .execute();
}

export type WebhookDeliveryRow = {
  id: string;
  received_at: Date;
  outcome: WebhookDeliveryOutcome;
  reason: string | null;
  http_status: number;
  call_gong_id: string | null;
  is_test: boolean;
};

/** The newest deliveries to an organization's connection, newest first. */
export function listWebhookDeliveries(db: Kysely<Database>, organizationId: string, limit = 20): Promise<WebhookDeliveryRow[]> {
  return db
    .selectFrom("webhook_deliveries")
    .select(["id", "received_at", "outcome", "reason", "http_status", "call_gong_id", "is_test"])
    .where("organization_id", "=", organizationId)
    .orderBy("received_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}
