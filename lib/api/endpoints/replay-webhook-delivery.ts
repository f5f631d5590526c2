import { z } from "zod";
import { replayDelivery } from "@/lib/outbound/manage/start-deliveries";
import { defineApiEndpoint } from "../api-endpoint";
import { deliverySchema, manageDepsFor } from "./webhook-endpoint-schemas";

export const replayWebhookDeliveryEndpoint = defineApiEndpoint({
  method: "POST",
  path: "/webhook_endpoints/{id}/deliveries/{delivery_id}/replay",
  operationId: "replayWebhookDelivery",
  summary: "Replay a delivery",
  description: "Sends the delivery's event again with the same webhook-id and body (receivers that dedupe on webhook-id ignore it if they had it).",
  access: "key",
  successStatus: 202,
  params: z.object({ id: z.uuid("must be a webhook endpoint id (uuid)"), delivery_id: z.uuid("must be a delivery id (uuid)") }),
  input: z.strictObject({}),
  response: deliverySchema,
  run: (ctx, _input, params) => replayDelivery(manageDepsFor(ctx), params.id, params.delivery_id),
});
