// GET /api/v1/files/{id}/transcript – the call's transcript as a txt, vtt or json download.
import { createApiRoute } from "@/lib/api/create-api-route";
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { exportFileTranscriptEndpoint } from "@/lib/api/endpoints";

export const { GET, POST, PUT, PATCH, DELETE } = createApiRoute(exportFileTranscriptEndpoint, getDefaultApiDeps);
