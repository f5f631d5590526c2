import { z } from "zod";
import { listWebhookEndpoints } from "@/db/queries/outbound/webhook-endpoints";
import { serializeEndpoint } from "@/lib/outbound/manage/serialize-endpoint";
import { defineApiEndpoint } from "../api-endpoint";
import { manageDepsFor, webhookEndpointSchema } from "./webhook-endpoint-schemas";

export const listWebhookEndpointsEndpoint = defineApiEndpoint({
  method: "GET",
  path: "/webhook_endpoints",
  operationId: "listWebhookEndpoints",
  summary: "List webhook endpoints",
  description: "The endpoints the calling key manages: its organization's, or for a platform key its own.",
  access: "key",
  input: z.strictObject({}),
  response: z.object({ data: z.array(webhookEndpointSchema) }),
  run: async (ctx) => {
    const deps = manageDepsFor(ctx);
    return { data: (await listWebhookEndpoints(deps.db, deps.owner)).map(serializeEndpoint) };
  },
});
