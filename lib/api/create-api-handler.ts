import { z } from "zod";
import { AppError, toErrorResponse } from "@/lib/errors";
import { readRequestBodyWithLimit } from "@/lib/http/read-body-with-limit";
import type { ApiDeps, ApiEndpoint } from "./api-endpoint";
import { authenticateApiKey } from "./authenticate-api-key";
import { enforceApiRateLimit } from "./enforce-api-rate-limit";
import { resolveApiOrganization } from "./resolve-api-organization";

type RouteContext = { params?: Promise<Record<string, string | string[] | undefined>> };

const customerIdSchema = z.string().trim().min(1).max(200).optional();

/**
 * A Next route handler for an endpoint: authenticate → rate-limit → parse → authorize → run → JSON.
 * `getDeps` is called per request so nothing touches the database at import time.
 */
export function createApiHandler(endpoint: ApiEndpoint, getDeps: () => ApiDeps) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    try {
      const deps = getDeps();
      const principal = await authenticateApiKey(deps.db, request);
      await enforceApiRateLimit(deps.db, principal.keyId, deps.rateLimitPerMinute);
      if (endpoint.access === "platform" && principal.kind !== "platform") {
        throw new AppError("forbidden", "This endpoint needs a platform key; organization keys cannot use it.");
      }
      const url = new URL(request.url);
      const raw = endpoint.method === "GET" ? Object.fromEntries(url.searchParams) : await readJsonObject(request);
      const { customer_id: bodyCustomerId, ...fields } = raw;
      const params = endpoint.params ? endpoint.params.parse((await context?.params) ?? {}) : undefined;
      const input = endpoint.input.parse(fields);
      let result: unknown;
      if (endpoint.access === "platform" || endpoint.access === "key") {
        result = await endpoint.run({ ...deps, principal }, input, params);
      } else {
        const customerId = customerIdSchema.parse(bodyCustomerId ?? url.searchParams.get("customer_id") ?? undefined);
        const organizationId = await resolveApiOrganization(deps.db, principal, customerId);
        result = await endpoint.run({ ...deps, principal, organizationId }, input, params);
      }
      // An endpoint that answers a file (a transcript export) builds its own response.
      if (result instanceof Response) return result;
      return Response.json(result, { status: endpoint.successStatus ?? 200 });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

/** Far more than the largest valid request (100 ids and a few fields); anything bigger is refused unread. */
export const MAX_API_BODY_BYTES = 64 * 1024;

async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const body = await readRequestBodyWithLimit(request, MAX_API_BODY_BYTES);
  if (!body.ok) throw new AppError("payload_too_large", `The request body is larger than ${MAX_API_BODY_BYTES / 1024} KB.`);
  const text = new TextDecoder().decode(body.bytes);
  if (text.trim() === "") return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new AppError("bad_request", "The request body must be a JSON object.");
  }
  return json as Record<string, unknown>;
}
