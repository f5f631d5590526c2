// GET /api/v1/openapi.json – the OpenAPI 3.1 description of /api/v1; public, like any API reference.
import { buildOpenApiDocument } from "@/lib/api/build-openapi-document";
import { withMethodNotAllowed } from "@/lib/api/create-api-route";
import { toErrorResponse } from "@/lib/errors";

async function getOpenApiDocument() {
  try {
    return Response.json(buildOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}

export const { GET, POST, PUT, PATCH, DELETE } = withMethodNotAllowed({ GET: getOpenApiDocument });
