// POST /api/v1/integrations/files/sync – queue a sync of chosen workspaces and/or calls; returns the sync run id.
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { createApiHandler } from "@/lib/api/create-api-handler";
import { syncFilesEndpoint } from "@/lib/api/endpoints";

export const POST = createApiHandler(syncFilesEndpoint, getDefaultApiDeps);
