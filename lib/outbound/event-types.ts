import { z } from "zod";

/** Every event an endpoint can subscribe to; `OUTBOUND_EVENT_VERSION` is in each payload, raised on a breaking change. */
export const OUTBOUND_EVENT_TYPES = [
  "call.synced",
  "call.transcript_ready",
  "call.insights_ready",
  "call.deleted",
  "sync_run.completed",
  "sync_run.failed",
  "connection.connected",
  "connection.needs_reauthorization",
  "connection.revoked",
] as const;

export type OutboundEventType = (typeof OUTBOUND_EVENT_TYPES)[number];

/** Sent only by "Send test event" (and its API), to the one endpoint asked; nobody subscribes to it. */
export const TEST_EVENT_TYPE = "endpoint.test";

export const OUTBOUND_EVENT_VERSION = 1;

export const outboundEventTypeSchema = z.enum(OUTBOUND_EVENT_TYPES);

const iso = z.string().describe("ISO 8601 time.");

export const callParticipantSchema = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  affiliation: z.string().describe("Internal, External or Unknown."),
});

export const callEventDataSchema = z.object({
  call_id: z.uuid(),
  gong_id: z.string(),
  customer_id: z.string().nullable().describe("The organization's external id (platform customers); null otherwise."),
  title: z.string(),
  started_at: iso,
  duration_seconds: z.number().int().nullable(),
  workspace_gong_id: z.string().nullable(),
  participants: z.array(callParticipantSchema),
  transcript_status: z.enum(["pending", "ready", "unavailable"]),
  links: z.object({ call: z.string().describe("The call's page in Callbridge."), file: z.string().describe("GET /api/v1/files/{id}.") }),
  insights: z
    .object({
      summary: z.string().nullable(),
      next_steps: z.array(z.string()),
      trackers: z.array(z.object({ tracker_id: z.string(), name: z.string(), count: z.number().int() })),
    })
    .optional()
    .describe("call.insights_ready only."),
  transcript: z
    .array(z.object({ speaker: z.string().nullable(), start_ms: z.number().int(), text: z.string() }))
    .optional()
    .describe("call.transcript_ready, and only to endpoints that opted in to transcripts."),
});

export const callDeletedEventDataSchema = z.object({ gong_id: z.string(), customer_id: z.string().nullable(), deleted_at: iso });

export const syncRunEventDataSchema = z.object({
  sync_run_id: z.uuid(),
  customer_id: z.string().nullable(),
  kind: z.string(),
  status: z.enum(["succeeded", "failed"]),
  calls: z.number().int(),
  transcripts: z.number().int(),
  error: z.string().nullable(),
  started_at: iso.nullable(),
  finished_at: iso.nullable(),
  links: z.object({ sync_run: z.string().describe("GET /api/v1/sync_runs/{id}.") }),
});

export const connectionEventDataSchema = z.object({
  connection_id: z.uuid(),
  customer_id: z.string().nullable(),
  status: z.enum(["connected", "needs_reauth", "revoked"]),
  gong_account_email: z.string().nullable(),
});

export const testEventDataSchema = z.object({ endpoint_id: z.uuid(), message: z.string() });

const envelope = <T extends z.ZodType>(types: readonly string[], data: T) =>
  z.object({ type: z.enum(types as [string, ...string[]]), version: z.literal(OUTBOUND_EVENT_VERSION), timestamp: iso, data });

/** The body of every outbound webhook request, by event type (for the OpenAPI document). */
export const outboundEventSchemas = {
  CallEvent: envelope(["call.synced", "call.transcript_ready", "call.insights_ready"], callEventDataSchema),
  CallDeletedEvent: envelope(["call.deleted"], callDeletedEventDataSchema),
  SyncRunEvent: envelope(["sync_run.completed", "sync_run.failed"], syncRunEventDataSchema),
  ConnectionEvent: envelope(["connection.connected", "connection.needs_reauthorization", "connection.revoked"], connectionEventDataSchema),
  TestEvent: envelope([TEST_EVENT_TYPE], testEventDataSchema),
};

export type OutboundEventBody = { type: string; version: number; timestamp: string; data: Record<string, unknown> };
