// GET /api/v1/webhook_endpoints/{id}/deliveries – the endpoint's delivery log, newest first.
import { createApiRoute } from "@/lib/api/create-api-route";
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { listWebhookDeliveriesEndpoint } from "@/lib/api/endpoints";

export const { GET, POST, PUT, PATCH, DELETE } = createApiRoute(listWebhookDeliveriesEndpoint, getDefaultApiDeps);
