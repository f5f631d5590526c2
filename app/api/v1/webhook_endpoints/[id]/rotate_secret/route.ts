// POST /api/v1/webhook_endpoints/{id}/rotate_secret – a new signing secret; the old one signs too for 24 h.
import { createApiRoute } from "@/lib/api/create-api-route";
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { rotateWebhookEndpointSecretEndpoint } from "@/lib/api/endpoints";

export const { GET, POST, PUT, PATCH, DELETE } = createApiRoute(rotateWebhookEndpointSecretEndpoint, getDefaultApiDeps);
