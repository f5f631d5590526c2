// POST /api/v1/integrations/items/list – workspaces and one page of Gong's calls, each marked synced or not.
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { createApiHandler } from "@/lib/api/create-api-handler";
import { listItemsEndpoint } from "@/lib/api/endpoints";

export const POST = createApiHandler(listItemsEndpoint, getDefaultApiDeps);
