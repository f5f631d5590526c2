// POST /api/v1/resync_file – queue a resync of one call; returns the sync run id.
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { createApiHandler } from "@/lib/api/create-api-handler";
import { resyncFileEndpoint } from "@/lib/api/endpoints";

export const POST = createApiHandler(resyncFileEndpoint, getDefaultApiDeps);
