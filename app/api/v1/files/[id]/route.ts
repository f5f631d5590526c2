// GET /api/v1/files/{id} – one synced call; ?include=transcript adds sentences.
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { createApiHandler } from "@/lib/api/create-api-handler";
import { getFileEndpoint } from "@/lib/api/endpoints";

export const GET = createApiHandler(getFileEndpoint, getDefaultApiDeps);
