import type { Kysely } from "kysely";
import type { Database, OutboundDelivery, WebhookEndpoint } from "@/db/schema";

/** A delivery with the endpoint it goes to, or undefined when either is gone. */
export async function getDeliveryTarget(db: Kysely<Database>, deliveryId: string): Promise<{ delivery: OutboundDelivery; endpoint: WebhookEndpoint } | undefined> {
  const delivery = await db.selectFrom("outbound_deliveries").selectAll().where("id", "=", deliveryId).executeTakeFirst();
  if (!delivery) return undefined;
  const endpoint = await db.selectFrom("webhook_endpoints").selectAll().where("id", "=", delivery.endpoint_id).executeTakeFirst();
  return endpoint ? { delivery, endpoint } : undefined;
}
