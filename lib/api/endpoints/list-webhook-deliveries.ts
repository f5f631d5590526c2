import { z } from "zod";
import { listDeliveries } from "@/lib/outbound/manage/start-deliveries";
import { defineApiEndpoint } from "../api-endpoint";
import { deliverySchema, endpointIdParams, manageDepsFor } from "./webhook-endpoint-schemas";

export const listWebhookDeliveriesEndpoint = defineApiEndpoint({
  method: "GET",
  path: "/webhook_endpoints/{id}/deliveries",
  operationId: "listWebhookDeliveries",
  summary: "List an endpoint's deliveries",
  description: "The newest deliveries first: status, last response code, latency, attempts and the next retry.",
  access: "key",
  params: endpointIdParams,
  input: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50).describe("At most 200.") }),
  response: z.object({ data: z.array(deliverySchema) }),
  run: async (ctx, input, params) => ({ data: await listDeliveries(manageDepsFor(ctx), params.id, input.limit) }),
});
