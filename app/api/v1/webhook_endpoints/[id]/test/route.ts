// POST /api/v1/webhook_endpoints/{id}/test – queue an endpoint.test event to the endpoint.
import { createApiRoute } from "@/lib/api/create-api-route";
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { sendWebhookTestEventEndpoint } from "@/lib/api/endpoints";

export const { GET, POST, PUT, PATCH, DELETE } = createApiRoute(sendWebhookTestEventEndpoint, getDefaultApiDeps);
