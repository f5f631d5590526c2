import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { API_BASE_PATH, buildOpenApiDocument } from "./build-openapi-document";

const ROUTES_ROOT = fileURLToPath(new URL("../../app/api/v1", import.meta.url));
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

type RouteModule = Partial<Record<(typeof METHODS)[number], (request: Request, context?: unknown) => Response | Promise<Response>>>;

/** Every route file under app/api/v1 but the catch-all, with its OpenAPI path ([param] folders as {param}). */
function listRouteFiles(): { file: string; path: string }[] {
  const found: { file: string; path: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts" && !dir.endsWith("[...unknown]")) {
        const folder = relative(ROUTES_ROOT, dir).split(sep).join("/");
        found.push({ file: full, path: `${API_BASE_PATH}/${folder}`.replace(/\[(\w+)\]/g, "{$1}") });
      }
    }
  };
  walk(ROUTES_ROOT);
  return found;
}

describe("a method a v1 route does not have", () => {
  const document = buildOpenApiDocument();

  it("gets 405 in the API's error shape with an Allow header, on every route", async () => {
    const routes = listRouteFiles();
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const route of routes) {
      const allowed = Object.keys(document.paths[route.path] ?? {}).map((method) => method.toUpperCase());
      expect(allowed.length, route.path).toBeGreaterThan(0);
      const handlers = (await import(route.file)) as RouteModule;
      for (const method of METHODS.filter((candidate) => !allowed.includes(candidate))) {
        const handler = handlers[method];
        expect(handler, `${method} ${route.path} is not exported, so Next answers a bare 405`).toBeTypeOf("function");
        const url = `http://callbridge.test${route.path.replace(/\{\w+\}/g, "x")}`;
        const response = await handler!(new Request(url, { method, body: method === "GET" ? undefined : "{}" }), { params: Promise.resolve({}) });
        expect(response.status, `${method} ${route.path}`).toBe(405);
        expect(response.headers.get("allow")).toBe(allowed.join(", "));
        expect(await response.json()).toEqual({
          error: { code: "method_not_allowed", message: `${route.path.replace(/\{\w+\}/g, "x")} takes ${allowed.join(", ")}, not ${method}.` },
        });
      }
    }
  });
});
