// GET /api/v1/webhook_endpoints – the key's webhook endpoints; POST – create one (its secret is in the answer, once).
import { withMethodNotAllowed } from "@/lib/api/create-api-route";
import { createApiHandler } from "@/lib/api/create-api-handler";
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { createWebhookEndpointEndpoint, listWebhookEndpointsEndpoint } from "@/lib/api/endpoints";

export const { GET, POST, PUT, PATCH, DELETE } = withMethodNotAllowed({
  GET: createApiHandler(listWebhookEndpointsEndpoint, getDefaultApiDeps),
  POST: createApiHandler(createWebhookEndpointEndpoint, getDefaultApiDeps),
});
