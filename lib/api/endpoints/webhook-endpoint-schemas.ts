import "server-only";
import { z } from "zod";
import { getOutboundConfig } from "@/lib/env";
import { OUTBOUND_EVENT_TYPES } from "@/lib/outbound/event-types";
import { getOutboundEncryptionKey } from "@/lib/outbound/get-encryption-key";
import type { ManageDeps } from "@/lib/outbound/manage/manage-deps";
import type { PlatformApiContext } from "../api-endpoint";

export const endpointIdParams = z.object({ id: z.uuid("must be a webhook endpoint id (uuid)") });

export const webhookEndpointSchema = z.object({
  id: z.uuid(),
  url: z.string().describe("Slack URLs are shown masked: they are credentials, stored encrypted."),
  description: z.string(),
  format: z.enum(["standard", "slack"]),
  event_types: z.array(z.string()).describe(`Among: ${OUTBOUND_EVENT_TYPES.join(", ")}.`),
  include_transcript: z.boolean(),
  throttle_per_second: z.number().int().nullable(),
  filters: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
  disabled_reason: z.string().nullable().describe("Why deliveries stopped: a 410 answer, 3 days of failures, or an admin."),
  disabled_at: z.string().nullable(),
  failing_since: z.string().nullable(),
  previous_secret_expires_at: z.string().nullable().describe("Until then the previous secret signs alongside the current one."),
  created_at: z.string(),
});

export const webhookEndpointWithSecretSchema = z.object({
  endpoint: webhookEndpointSchema,
  secret: z.string().describe("The whsec_ signing secret; shown only in this response."),
});

export const deliverySchema = z.object({
  id: z.uuid(),
  webhook_id: z.string().describe("The webhook-id header; the same on every attempt and replay."),
  event_type: z.string(),
  status: z.enum(["pending", "delivered", "failed", "cancelled"]),
  attempts: z.number().int(),
  response_status: z.number().int().nullable(),
  latency_ms: z.number().int().nullable(),
  last_error: z.string().nullable(),
  next_attempt_at: z.string().nullable(),
  replay_of: z.string().nullable(),
  created_at: z.string(),
  delivered_at: z.string().nullable(),
});

/** What managing endpoints needs, for the key making the request. */
export function manageDepsFor(ctx: PlatformApiContext): ManageDeps {
  const { principal } = ctx;
  return {
    db: ctx.db,
    owner: principal.kind === "platform" ? { kind: "platform", apiKeyId: principal.keyId } : { kind: "organization", organizationId: principal.organizationId! },
    encryptionKey: getOutboundEncryptionKey(),
    allowPrivateTargets: getOutboundConfig().allowPrivateTargets,
    sendDelivery: ctx.sendEvent,
    userId: null,
  };
}
