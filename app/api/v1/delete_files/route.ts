// POST /api/v1/delete_files – queue deletion of up to 100 calls; returns the sync run id.
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { createApiHandler } from "@/lib/api/create-api-handler";
import { deleteFilesEndpoint } from "@/lib/api/endpoints";

export const POST = createApiHandler(deleteFilesEndpoint, getDefaultApiDeps);
