import { z } from "zod";
import { endpointFiltersSchema } from "../endpoint-filters";
import { OUTBOUND_EVENT_TYPES } from "../event-types";

const url = z.url("must be a URL").max(2000);

/** A new endpoint, from the settings page or POST /api/v1/webhook_endpoints. */
export const createEndpointInputSchema = z.strictObject({
  url: url.describe("https URL that receives POSTs; a Slack incoming-webhook URL for format slack."),
  description: z.string().trim().max(200).default(""),
  format: z.enum(["standard", "slack"]).default("standard").describe("standard: signed Standard Webhooks JSON; slack: a Block Kit message per call with insights."),
  event_types: z
    .array(z.enum(OUTBOUND_EVENT_TYPES))
    .min(1, "subscribe to at least one event type")
    .max(OUTBOUND_EVENT_TYPES.length)
    .transform((types) => [...new Set(types)])
    .optional()
    .describe("Defaults to every type (standard) or call.insights_ready (slack)."),
  include_transcript: z.boolean().default(false).describe("Send transcript text with call.transcript_ready."),
  throttle_per_second: z.number().int().min(1).max(1000).nullable().default(null).describe("At most this many requests a second to this endpoint."),
  filters: endpointFiltersSchema.default({}).describe("Slack endpoints: which calls to post."),
});

export type CreateEndpointInput = z.output<typeof createEndpointInputSchema>;

export const updateEndpointInputSchema = z.strictObject({
  url: url.optional(),
  description: z.string().trim().max(200).optional(),
  event_types: z.array(z.enum(OUTBOUND_EVENT_TYPES)).min(1).max(OUTBOUND_EVENT_TYPES.length).optional(),
  include_transcript: z.boolean().optional(),
  throttle_per_second: z.number().int().min(1).max(1000).nullable().optional(),
  filters: endpointFiltersSchema.optional(),
  enabled: z.boolean().optional(),
});

export type UpdateEndpointInput = z.output<typeof updateEndpointInputSchema>;
