// POST /api/v1/delete_files – queue deletion of up to 100 calls; returns the sync run id.
import { createApiRoute } from "@/lib/api/create-api-route";
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { deleteFilesEndpoint } from "@/lib/api/endpoints";

export const { GET, POST, PUT, PATCH, DELETE } = createApiRoute(deleteFilesEndpoint, getDefaultApiDeps);
