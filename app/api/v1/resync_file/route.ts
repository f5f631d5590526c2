// POST /api/v1/resync_file – queue a resync of one call; returns the sync run id.
import { createApiRoute } from "@/lib/api/create-api-route";
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { resyncFileEndpoint } from "@/lib/api/endpoints";

export const { GET, POST, PUT, PATCH, DELETE } = createApiRoute(resyncFileEndpoint, getDefaultApiDeps);
