// POST /api/v1/update_users – platform keys: turn 24-hourly scheduled syncing on or off per customer.
import { createApiRoute } from "@/lib/api/create-api-route";
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { updateUsersEndpoint } from "@/lib/api/endpoints";

export const { GET, POST, PUT, PATCH, DELETE } = createApiRoute(updateUsersEndpoint, getDefaultApiDeps);
