import { z } from "zod";
import { sendTestEvent } from "@/lib/outbound/manage/start-deliveries";
import { defineApiEndpoint } from "../api-endpoint";
import { deliverySchema, endpointIdParams, manageDepsFor } from "./webhook-endpoint-schemas";

export const sendWebhookTestEventEndpoint = defineApiEndpoint({
  method: "POST",
  path: "/webhook_endpoints/{id}/test",
  operationId: "sendWebhookTestEvent",
  summary: "Send a test event",
  description: "Queues an endpoint.test event to this endpoint, signed and retried like any other; follow it in the deliveries.",
  access: "key",
  successStatus: 202,
  params: endpointIdParams,
  input: z.strictObject({}),
  response: deliverySchema,
  run: (ctx, _input, params) => sendTestEvent(manageDepsFor(ctx), params.id),
});
