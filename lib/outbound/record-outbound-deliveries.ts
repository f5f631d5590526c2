import type { Kysely } from "kysely";
import { listSubscribedEndpoints } from "@/db/queries/outbound/subscribed-endpoints";
import type { Database, OutboundDelivery, WebhookEndpoint } from "@/db/schema";
import { type BuiltEvent, buildEventBody } from "./build-event-body";
import { buildSlackMessage } from "./build-slack-message";
import { matchesFilters } from "./endpoint-filters";
import { createMessageId } from "./message-id";
import type { OutboundEventRequest } from "./outbound-event-request";
import { type OutboundLoaders, createOutboundLoaders } from "./outbound-loaders";

export type QueuedDelivery = { deliveryId: string; endpointId: string };

/** A delivery just recorded, with its row and endpoint as they were read, so its first attempt need not read them again. */
export type RecordedDelivery = QueuedDelivery & { target?: { delivery: OutboundDelivery; endpoint: WebhookEndpoint } };

/** The endpoints an organization's event of a type goes to (listSubscribedEndpoints, or a lookup that remembers). */
export type EndpointLookup = (organizationId: string, eventType: string) => Promise<WebhookEndpoint[]>;

/**
 * Records one delivery of the event per subscribed endpoint (Slack endpoints: call.insights_ready passing their
 * filters). `sourceKey` names what caused the event, so running this again records nothing twice. A fan-out gives
 * the lookups its events share.
 */
export async function recordOutboundDeliveries(
  db: Kysely<Database>,
  request: OutboundEventRequest,
  sourceKey: string,
  appUrl: string,
  {
    endpointsFor = (organizationId, eventType) => listSubscribedEndpoints(db, organizationId, eventType),
    loaders = createOutboundLoaders(db),
  }: { endpointsFor?: EndpointLookup; loaders?: OutboundLoaders } = {},
): Promise<RecordedDelivery[]> {
  const endpoints = await endpointsFor(request.organizationId, request.type);
  if (endpoints.length === 0) return [];
  const built = await buildEventBody(db, request, appUrl, loaders);
  if (!built) return [];
  const messageId = createMessageId(request.type, sourceKey);
  const rows = endpoints.flatMap((endpoint) => {
    const payload = payloadFor(endpoint, request, built);
    return payload ? [{ endpointId: endpoint.id, organizationId: request.organizationId, messageId, eventType: request.type, payload }] : [];
  });
  const stored = await loaders.deliveries.load(rows);
  const byId = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint]));
  return stored.map((row) => {
    const endpoint = byId.get(row.endpoint_id);
    return { deliveryId: row.id, endpointId: row.endpoint_id, ...(endpoint ? { target: { delivery: row, endpoint } } : {}) };
  });
}

function payloadFor(endpoint: WebhookEndpoint, request: OutboundEventRequest, built: BuiltEvent): unknown {
  if (endpoint.format === "slack") {
    return request.type === "call.insights_ready" && matchesFilters(endpoint.filters, built.callFacts) ? buildSlackMessage(built.body) : null;
  }
  return endpoint.include_transcript && built.bodyWithTranscript ? built.bodyWithTranscript : built.body;
}
