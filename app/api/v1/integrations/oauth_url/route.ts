// POST /api/v1/integrations/oauth_url – Gong's authorize URL that connects the organization, with settings applied on success.
import { createApiRoute } from "@/lib/api/create-api-route";
import { getDefaultApiDeps } from "@/lib/api/default-api-deps";
import { createOAuthUrlEndpoint } from "@/lib/api/endpoints";

export const { GET, POST, PUT, PATCH, DELETE } = createApiRoute(createOAuthUrlEndpoint, getDefaultApiDeps);
