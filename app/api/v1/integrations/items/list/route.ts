// POST /api/v1/integrations/items/list – workspaces and one page of Gong's calls, each marked synced or not.
import { createApiRoute } from "@/lib/api/create-api-route";
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { listItemsEndpoint } from "@/lib/api/endpoints";

export const { GET, POST, PUT, PATCH, DELETE } = createApiRoute(listItemsEndpoint, getDefaultApiDeps);
