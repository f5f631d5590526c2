// POST /api/v1/webhook_endpoints/{id}/deliveries/{delivery_id}/replay – send a delivery again, same webhook-id.
import { createApiRoute } from "@/lib/api/create-api-route";
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { replayWebhookDeliveryEndpoint } from "@/lib/api/endpoints";

export const { GET, POST, PUT, PATCH, DELETE } = createApiRoute(replayWebhookDeliveryEndpoint, getDefaultApiDeps);
