// GET /api/v1/webhook_endpoints/{id} – one endpoint; PATCH – change it; DELETE – remove it.
import { withMethodNotAllowed } from "@/lib/api/create-api-route";
import { createApiHandler } from "@/lib/api/create-api-handler";
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { deleteWebhookEndpointEndpoint, getWebhookEndpointEndpoint, updateWebhookEndpointEndpoint } from "@/lib/api/endpoints";

export const { GET, POST, PUT, PATCH, DELETE } = withMethodNotAllowed({
  GET: createApiHandler(getWebhookEndpointEndpoint, getDefaultApiDeps),
  PATCH: createApiHandler(updateWebhookEndpointEndpoint, getDefaultApiDeps),
  DELETE: createApiHandler(deleteWebhookEndpointEndpoint, getDefaultApiDeps),
});
