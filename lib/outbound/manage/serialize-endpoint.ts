import type { OutboundDelivery, WebhookEndpoint } from "@/db/schema";
import { displayEndpointUrl } from "../endpoint-url";

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

/** An endpoint as the API and the settings page show it; never its secrets. */
export function serializeEndpoint(endpoint: WebhookEndpoint) {
  return {
    id: endpoint.id,
    url: displayEndpointUrl(endpoint),
    description: endpoint.description,
    format: endpoint.format,
    event_types: endpoint.event_types,
    include_transcript: endpoint.include_transcript,
    throttle_per_second: endpoint.throttle_per_second,
    filters: endpoint.filters as Record<string, unknown>,
    enabled: endpoint.enabled,
    disabled_reason: endpoint.disabled_reason,
    disabled_at: iso(endpoint.disabled_at),
    failing_since: iso(endpoint.failing_since),
    previous_secret_expires_at: endpoint.previous_secret_expires_at && new Date(endpoint.previous_secret_expires_at) > new Date() ? iso(endpoint.previous_secret_expires_at) : null,
    created_at: iso(endpoint.created_at)!,
  };
}

export type SerializedEndpoint = ReturnType<typeof serializeEndpoint>;

export function serializeDelivery(delivery: OutboundDelivery) {
  return {
    id: delivery.id,
    webhook_id: delivery.message_id,
    event_type: delivery.event_type,
    status: delivery.status,
    attempts: delivery.attempts,
    response_status: delivery.response_status,
    latency_ms: delivery.latency_ms,
    last_error: delivery.last_error,
    next_attempt_at: iso(delivery.next_attempt_at),
    replay_of: delivery.replay_of,
    created_at: iso(delivery.created_at)!,
    delivered_at: iso(delivery.delivered_at),
  };
}

export type SerializedDelivery = ReturnType<typeof serializeDelivery>;
