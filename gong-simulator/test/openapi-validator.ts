import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

/** Gong's spec, kept outside the repo (../shared/gong/openapi-subset.json from the repo root). */
export const GONG_SPEC_PATH = fileURLToPath(new URL("../../../shared/gong/openapi-subset.json", import.meta.url));
export const hasGongSpec = existsSync(GONG_SPEC_PATH);

type Json = Record<string, unknown>;

/**
 * Gong's spec declares no `nullable`, yet real responses send null for unset scalars (users' title,
 * transcript speakerId/topic; see API.md §2.6), and it types "any" values (context field values) as
 * `object`. So scalars are treated as nullable and property-less objects as any; everything else is strict.
 */
function adaptToRealGong(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(adaptToRealGong);
  if (!node || typeof node !== "object") return node;
  const schema = Object.fromEntries(Object.entries(node as Json).filter(([key]) => key !== "example").map(([key, value]) => [key, adaptToRealGong(value)])) as Json;
  if (schema.type === "object" && !schema.properties && !schema.additionalProperties) return {};
  if (typeof schema.type === "string" && ["string", "number", "integer", "boolean"].includes(schema.type)) schema.nullable = true;
  return schema;
}

interface Operation { responses: Record<string, { content?: Record<string, { schema: Json }> }> }

export function createGongValidator() {
  const spec = JSON.parse(readFileSync(GONG_SPEC_PATH, "utf8")) as { paths: Record<string, Record<string, Operation>>; components: Json };
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // ajv-formats' "url" refuses loopback and private hosts by design; the simulator lives on 127.0.0.1.
  ajv.addFormat("url", (value: string) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol));
  ajv.addSchema({ $id: "gong", components: adaptToRealGong(spec.components) }, "gong");
  const cache = new Map<string, ValidateFunction>();

  /** Validates a body against the spec's response schema for (method, path template, status); returns errors. */
  return function validateResponse(method: string, pathTemplate: string, status: number, body: unknown): string[] {
    const operation = spec.paths[pathTemplate]?.[method.toLowerCase()];
    if (!operation) throw new Error(`${method} ${pathTemplate} is not in Gong's spec`);
    const schema = operation.responses[String(status)]?.content?.["application/json"]?.schema;
    if (!schema) throw new Error(`Gong's spec has no ${status} response for ${method} ${pathTemplate}`);
    const ref = String(schema.$ref).replace("#/", "gong#/");
    let validate = cache.get(ref);
    if (!validate) {
      validate = ajv.getSchema(ref);
      if (!validate) throw new Error(`cannot resolve ${ref}`);
      cache.set(ref, validate);
    }
    return validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
  };
}
