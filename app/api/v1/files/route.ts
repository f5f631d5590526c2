// GET /api/v1/files – synced calls with metadata, newest first, cursor-paged.
import { createApiRoute } from "@/lib/api/create-api-route";
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { listFilesEndpoint } from "@/lib/api/endpoints";

export const { GET, POST, PUT, PATCH, DELETE } = createApiRoute(listFilesEndpoint, getDefaultApiDeps);
