// GET /api/v1/sync_runs/{id} – a sync run's status and progress.
import { createApiRoute } from "@/lib/api/create-api-route";
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { getSyncRunEndpoint } from "@/lib/api/endpoints";

export const { GET, POST, PUT, PATCH, DELETE } = createApiRoute(getSyncRunEndpoint, getDefaultApiDeps);
