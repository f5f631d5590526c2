// GET /api/v1/sync_runs/{id} – a sync run's status and progress.
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { createApiHandler } from "@/lib/api/create-api-handler";
import { getSyncRunEndpoint } from "@/lib/api/endpoints";

export const GET = createApiHandler(getSyncRunEndpoint, getDefaultApiDeps);
