// POST /api/v1/update_users – platform keys: turn 24-hourly scheduled syncing on or off per customer.
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { createApiHandler } from "@/lib/api/create-api-handler";
import { updateUsersEndpoint } from "@/lib/api/endpoints";

export const POST = createApiHandler(updateUsersEndpoint, getDefaultApiDeps);
