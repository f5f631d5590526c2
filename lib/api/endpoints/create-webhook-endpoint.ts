import { createEndpoint } from "@/lib/outbound/manage/create-endpoint";
import { createEndpointInputSchema } from "@/lib/outbound/manage/endpoint-input";
import { defineApiEndpoint } from "../api-endpoint";
import { manageDepsFor, webhookEndpointWithSecretSchema } from "./webhook-endpoint-schemas";

export const createWebhookEndpointEndpoint = defineApiEndpoint({
  method: "POST",
  path: "/webhook_endpoints",
  operationId: "createWebhookEndpoint",
  summary: "Create a webhook endpoint",
  description:
    "Registers an https URL for the chosen event types. The response holds the signing secret (whsec_…), shown only here. Private and loopback addresses are refused, also when a name resolves to one at delivery time.",
  access: "key",
  input: createEndpointInputSchema,
  response: webhookEndpointWithSecretSchema,
  run: (ctx, input) => createEndpoint(manageDepsFor(ctx), input),
});
