// GET /api/v1/files – synced calls with metadata, newest first, cursor-paged.
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { createApiHandler } from "@/lib/api/create-api-handler";
import { listFilesEndpoint } from "@/lib/api/endpoints";

export const GET = createApiHandler(listFilesEndpoint, getDefaultApiDeps);
