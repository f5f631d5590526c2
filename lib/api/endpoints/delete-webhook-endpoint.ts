import { z } from "zod";
import { deleteEndpoint } from "@/lib/outbound/manage/change-endpoint";
import { defineApiEndpoint } from "../api-endpoint";
import { endpointIdParams, manageDepsFor } from "./webhook-endpoint-schemas";

export const deleteWebhookEndpointEndpoint = defineApiEndpoint({
  method: "DELETE",
  path: "/webhook_endpoints/{id}",
  operationId: "deleteWebhookEndpoint",
  summary: "Delete a webhook endpoint",
  description: "Removes the endpoint and its delivery log; deliveries still retrying stop.",
  access: "key",
  params: endpointIdParams,
  input: z.strictObject({}),
  response: z.object({ id: z.uuid(), deleted: z.literal(true) }),
  run: async (ctx, _input, params) => {
    await deleteEndpoint(manageDepsFor(ctx), params.id);
    return { id: params.id, deleted: true as const };
  },
});
