import type { Kysely } from "kysely";
import { listSubscribedEndpoints } from "@/db/queries/outbound/subscribed-endpoints";
import type { Database, WebhookEndpoint } from "@/db/schema";
import type { EndpointLookup } from "./record-outbound-deliveries";

/**
 * Looks up each organization's endpoints for an event type once, for the events of one fan-out step: a batch of
 * a hundred calls of one company is then one lookup per event type, not one per call.
 */
export function rememberedEndpointLookup(db: Kysely<Database>): EndpointLookup {
  const found = new Map<string, Promise<WebhookEndpoint[]>>();
  return (organizationId, eventType) => {
    const key = `${organizationId} ${eventType}`;
    let endpoints = found.get(key);
    if (!endpoints) {
      endpoints = listSubscribedEndpoints(db, organizationId, eventType);
      found.set(key, endpoints);
    }
    return endpoints;
  };
}
