import { z } from "zod";
import { rotateEndpointSecret } from "@/lib/outbound/manage/change-endpoint";
import { defineApiEndpoint } from "../api-endpoint";
import { endpointIdParams, manageDepsFor, webhookEndpointWithSecretSchema } from "./webhook-endpoint-schemas";

export const rotateWebhookEndpointSecretEndpoint = defineApiEndpoint({
  method: "POST",
  path: "/webhook_endpoints/{id}/rotate_secret",
  operationId: "rotateWebhookEndpointSecret",
  summary: "Rotate an endpoint's signing secret",
  description: "Issues a new secret, shown only in this response. For 24 hours each request carries a signature by the new and by the previous secret, so receivers can switch without failing a delivery.",
  access: "key",
  params: endpointIdParams,
  input: z.strictObject({}),
  response: webhookEndpointWithSecretSchema,
  run: (ctx, _input, params) => rotateEndpointSecret(manageDepsFor(ctx), params.id),
});
