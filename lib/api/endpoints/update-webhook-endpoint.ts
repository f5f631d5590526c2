import { updateEndpoint } from "@/lib/outbound/manage/change-endpoint";
import { updateEndpointInputSchema } from "@/lib/outbound/manage/endpoint-input";
import { defineApiEndpoint } from "../api-endpoint";
import { endpointIdParams, manageDepsFor, webhookEndpointSchema } from "./webhook-endpoint-schemas";

export const updateWebhookEndpointEndpoint = defineApiEndpoint({
  method: "PATCH",
  path: "/webhook_endpoints/{id}",
  operationId: "updateWebhookEndpoint",
  summary: "Update a webhook endpoint",
  description: "Changes the fields given. enabled: true turns a disabled endpoint back on and clears why it was disabled.",
  access: "key",
  params: endpointIdParams,
  input: updateEndpointInputSchema,
  response: webhookEndpointSchema,
  run: (ctx, input, params) => updateEndpoint(manageDepsFor(ctx), params.id, input),
});
