import { randomUUID } from "node:crypto";
import { createOutboundDeliveries, createReplayDelivery, getOutboundDelivery, listEndpointDeliveries } from "@/db/queries/outbound/outbound-deliveries";
import { outboundDeliveryRequested } from "@/inngest/events";
import { AppError } from "@/lib/errors";
import { OUTBOUND_EVENT_VERSION, TEST_EVENT_TYPE } from "../event-types";
import { createMessageId } from "../message-id";
import { getEndpointOrThrow } from "./change-endpoint";
import type { ManageDeps } from "./manage-deps";
import { type SerializedDelivery, serializeDelivery } from "./serialize-endpoint";

/** Sends an `endpoint.test` event to this endpoint alone, through the same delivery path as real events. */
export async function sendTestEvent(deps: ManageDeps, endpointId: string): Promise<SerializedDelivery> {
  const endpoint = await getEndpointOrThrow(deps, endpointId);
  const now = new Date().toISOString();
  const payload =
    endpoint.format === "slack"
      ? { text: "Callbridge test message: this Slack channel will receive call summaries." }
      : { type: TEST_EVENT_TYPE, version: OUTBOUND_EVENT_VERSION, timestamp: now, data: { endpoint_id: endpoint.id, message: "A test event from Callbridge." } };
  const messageId = createMessageId(TEST_EVENT_TYPE, randomUUID());
  const [created] = await createOutboundDeliveries(deps.db, [{ endpointId: endpoint.id, organizationId: endpoint.organization_id, messageId, eventType: TEST_EVENT_TYPE, payload }]);
  await deps.sendDelivery(outboundDeliveryRequested.create({ deliveryId: created!.id, endpointId: endpoint.id }, { id: `delivery-${created!.id}` }));
  return serializeDelivery((await getOutboundDelivery(deps.db, created!.id))!);
}

/** Sends a delivery again as a new delivery with the same webhook-id and body, so receivers can dedupe it. */
export async function replayDelivery(deps: ManageDeps, endpointId: string, deliveryId: string): Promise<SerializedDelivery> {
  const endpoint = await getEndpointOrThrow(deps, endpointId);
  const original = await getOutboundDelivery(deps.db, deliveryId);
  if (!original || original.endpoint_id !== endpoint.id) throw new AppError("not_found", `No delivery with id "${deliveryId}" for this endpoint.`);
  if (!endpoint.enabled) throw new AppError("conflict", "The endpoint is disabled; enable it before replaying.");
  const replay = await createReplayDelivery(deps.db, original);
  await deps.sendDelivery(outboundDeliveryRequested.create({ deliveryId: replay.id, endpointId: endpoint.id }, { id: `delivery-${replay.id}` }));
  return serializeDelivery(replay);
}

export async function listDeliveries(deps: Pick<ManageDeps, "db" | "owner">, endpointId: string, limit = 50): Promise<SerializedDelivery[]> {
  const endpoint = await getEndpointOrThrow(deps, endpointId);
  return (await listEndpointDeliveries(deps.db, endpoint.id, limit)).map(serializeDelivery);
}
