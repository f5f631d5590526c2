// POST /api/v1/integrations/oauth_url – Gong's authorize URL that connects the organization, with settings applied on success.
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { createApiHandler } from "@/lib/api/create-api-handler";
import { createOAuthUrlEndpoint } from "@/lib/api/endpoints";

export const POST = createApiHandler(createOAuthUrlEndpoint, getDefaultApiDeps);
