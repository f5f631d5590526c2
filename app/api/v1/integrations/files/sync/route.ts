// POST /api/v1/integrations/files/sync – queue a sync of chosen workspaces and/or calls; returns the sync run id.
import { createApiRoute } from "@/lib/api/create-api-route";
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { syncFilesEndpoint } from "@/lib/api/endpoints";

export const { GET, POST, PUT, PATCH, DELETE } = createApiRoute(syncFilesEndpoint, getDefaultApiDeps);
