import { z } from "zod";
import { getEndpointOrThrow } from "@/lib/outbound/manage/change-endpoint";
import { serializeEndpoint } from "@/lib/outbound/manage/serialize-endpoint";
import { defineApiEndpoint } from "../api-endpoint";
import { endpointIdParams, manageDepsFor, webhookEndpointSchema } from "./webhook-endpoint-schemas";

export const getWebhookEndpointEndpoint = defineApiEndpoint({
  method: "GET",
  path: "/webhook_endpoints/{id}",
  operationId: "getWebhookEndpoint",
  summary: "Get a webhook endpoint",
  description: "One endpoint, with why it was disabled if it was.",
  access: "key",
  params: endpointIdParams,
  input: z.strictObject({}),
  response: webhookEndpointSchema,
  run: async (ctx, _input, params) => serializeEndpoint(await getEndpointOrThrow(manageDepsFor(ctx), params.id)),
});
