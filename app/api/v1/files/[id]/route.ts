// GET /api/v1/files/{id} – one synced call; ?include=transcript adds sentences.
import { createApiRoute } from "@/lib/api/create-api-route";
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { getFileEndpoint } from "@/lib/api/endpoints";

export const { GET, POST, PUT, PATCH, DELETE } = createApiRoute(getFileEndpoint, getDefaultApiDeps);
