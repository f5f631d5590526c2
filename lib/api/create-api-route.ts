import { AppError, toErrorResponse } from "@/lib/errors";
import type { ApiDeps, ApiEndpoint } from "./api-endpoint";
import { createApiHandler } from "./create-api-handler";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type RouteContext = { params?: Promise<Record<string, string | string[] | undefined>> };
type RouteHandler = (request: Request, context?: RouteContext) => Promise<Response>;

/**
 * Every method a route file can export: the given handlers, and for the rest a 405 in the API's error shape.
 * Next answers a method a route does not export with a bare 405, which API clients cannot parse.
 */
export function withMethodNotAllowed(handlers: Partial<Record<Method, RouteHandler>>): Record<Method, RouteHandler> {
  const allowed = METHODS.filter((method) => handlers[method]).join(", ");
  const refuse: RouteHandler = async (request) => {
    const { pathname } = new URL(request.url);
    const error = new AppError("method_not_allowed", `${pathname} takes ${allowed}, not ${request.method}.`, { headers: { Allow: allowed } });
    return toErrorResponse(error);
  };
  return Object.fromEntries(METHODS.map((method) => [method, handlers[method] ?? refuse])) as Record<Method, RouteHandler>;
}

/** The exports of a /api/v1 route file for one endpoint: `export const { GET, POST, PUT, PATCH, DELETE } = …`. */
export function createApiRoute(endpoint: ApiEndpoint, getDeps: () => ApiDeps): Record<Method, RouteHandler> {
  return withMethodNotAllowed({ [endpoint.method]: createApiHandler(endpoint, getDeps) });
}
