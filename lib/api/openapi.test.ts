import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { API_BASE_PATH, buildOpenApiDocument } from "./build-openapi-document";
import * as endpoints from "./endpoints";
import { openApiStructureSchema } from "./openapi-structure-schema";

const ROUTES_ROOT = fileURLToPath(new URL("../../app/api/v1", import.meta.url));

/**
 * Every (method, path) that a route file under app/api/v1 serves, with [param] folders as {param}: the method of
 * the endpoint it wires with createApiRoute, or the handlers it gives withMethodNotAllowed. Every file exports all
 * methods (the others answer 405), so the exports alone say nothing.
 */
function listRouteOperations(): string[] {
  const operations: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      // The catch-all only answers unknown paths with a JSON 404; it is not an operation.
      else if (entry.name === "route.ts" && !dir.endsWith("[...unknown]")) {
        const folder = relative(ROUTES_ROOT, dir).split(sep).join("/");
        const path = `${API_BASE_PATH}/${folder}`.replace(/\[(\w+)\]/g, "{$1}");
        const source = readFileSync(full, "utf8");
        const wired = /createApiRoute\((\w+),/.exec(source)?.[1];
        const endpoint = wired ? (endpoints as unknown as Record<string, { method: string } | undefined>)[wired] : undefined;
        if (endpoint) operations.push(`${endpoint.method} ${path}`);
        const given = /withMethodNotAllowed\(\{([^}]*)\}\)/.exec(source)?.[1] ?? "";
        for (const [, method] of given.matchAll(/\b(GET|POST|PUT|PATCH|DELETE)\b/g)) operations.push(`${method} ${path}`);
      }
    }
  };
  walk(ROUTES_ROOT);
  return operations.sort();
}

function listDocumentOperations(document: ReturnType<typeof buildOpenApiDocument>): string[] {
  return Object.entries(document.paths)
    .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
}

function collectSchemas(node: unknown, found: unknown[] = []): unknown[] {
  if (Array.isArray(node)) node.forEach((child) => collectSchemas(child, found));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "schema") found.push(value);
      else collectSchemas(value, found);
    }
  }
  return found;
}

describe("unknown endpoints", () => {
  it("get a JSON 404 in the API's error shape", async () => {
    const { POST } = await import("@/app/api/v1/[...unknown]/route");
    const response = POST(new Request("http://callbridge.test/api/v1/delete_everything", { method: "POST" }));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "not_found", message: "No endpoint POST /api/v1/delete_everything. The endpoints are listed at /api/v1/openapi.json." },
    });
  });
});

describe("the OpenAPI document", () => {
  const document = buildOpenApiDocument();

  it("describes exactly the routes under app/api/v1", () => {
    const routes = listRouteOperations();
    expect(routes.length).toBeGreaterThanOrEqual(10);
    expect(listDocumentOperations(document)).toEqual(routes);
  });

  it("has the structure OpenAPI 3.1 requires", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(openApiStructureSchema);
    expect(validate(JSON.parse(JSON.stringify(document))), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const broken = JSON.parse(JSON.stringify(document));
    broken.paths[`${API_BASE_PATH}/files/{id}`].get.parameters[0].required = false;
    expect(validate(broken)).toBe(false);
    expect(validate({ ...document, openapi: "3.0.3" })).toBe(false);
  });

  it("holds only valid JSON Schema 2020-12, with $refs that resolve", () => {
    const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true });
    addFormats(ajv);
    ajv.addSchema({ $id: "https://callbridge.test/components", $defs: document.components.schemas });
    const schemas = collectSchemas(document.paths);
    expect(schemas.length).toBeGreaterThan(30);
    for (const schema of schemas) {
      const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"https://callbridge.test/components#/$defs/'));
      expect(() => ajv.compile(rebased)).not.toThrow();
    }
  });

  it("declares every path parameter, gives operations unique ids and documents errors and the rate limit", () => {
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(document.paths)) {
      for (const operation of Object.values(item) as { operationId: string; parameters?: { name: string; in: string }[]; responses: Record<string, { headers?: object }> }[]) {
        expect(ids.has(operation.operationId)).toBe(false);
        ids.add(operation.operationId);
        const declared = (operation.parameters ?? []).filter((parameter) => parameter.in === "path").map((parameter) => parameter.name);
        expect(declared.sort()).toEqual([...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort());
        if (path.endsWith("openapi.json")) continue;
        expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["400", "401", "404", "429"]));
        expect(operation.responses["429"]?.headers).toHaveProperty("Retry-After");
      }
    }
    expect(document.paths[`${API_BASE_PATH}/update_users`]?.post).toMatchObject({ responses: { "403": expect.anything() } });
  });

  it("names the field limits a client needs, such as at most 100 call ids", () => {
    const body = (document.paths[`${API_BASE_PATH}/delete_files`]?.post as { requestBody: { content: { "application/json": { schema: { properties: Record<string, { maxItems?: number }>; required: string[] } } } } })
      .requestBody.content["application/json"].schema;
    expect(body.properties.call_ids?.maxItems).toBe(100);
    expect(body.required).toEqual(["call_ids"]);
    expect(body.properties).toHaveProperty("customer_id");
  });
});
