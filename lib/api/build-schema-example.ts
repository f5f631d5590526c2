/**
 * An example value for a JSON Schema (the OpenAPI document's, generated from the handlers' zod schemas), for the
 * reference's example responses: the first enum value, one item per array, nullable fields filled in, and strings
 * shaped by their format or name. Illustrative, not data: the shape is exact, the values are made up.
 */

export type ExampleSchema = {
  type?: string | string[];
  properties?: Record<string, ExampleSchema>;
  items?: ExampleSchema;
  anyOf?: ExampleSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  default?: unknown;
  minimum?: number;
};

const EXAMPLE_UUID = "0f8e4c2a-6b1d-4e7f-9a3c-5d2b8e1f7a60";
const EXAMPLE_TIME = "2026-11-24T15:30:00.000Z";

/** By the field's path ("parties[].title"), then its name and format: enough for an example that reads right. */
const BY_PATH: Record<string, string> = {
  "workspace.id": "6543219876543210",
  "workspace.name": "Sales",
  "parties[].title": "VP of Sales",
  "parties[].affiliation": "External",
  "transcript[].speaker.affiliation": "Internal",
};

function exampleString(path: string, format: string | undefined): string {
  const name = path.slice(path.lastIndexOf(".") + 1).replace("[]", "");
  if (BY_PATH[path]) return BY_PATH[path];
  if (format === "uuid" || name === "id" || name.endsWith("_run_id")) return EXAMPLE_UUID;
  if (format === "date-time" || name.endsWith("_at") || name === "from" || name === "to") return EXAMPLE_TIME;
  if (format === "email" || name.endsWith("email")) return "ana@example.com";
  if (format === "uri" || name === "url" || name.endsWith("_url")) return "https://example.com/…";
  if (name === "gong_id" || name.endsWith("call_id") || name === "speaker_id") return "7782342274025937895";
  if (name === "title") return "Acme <> Globex: discovery";
  if (name === "name") return "Ana Rep";
  if (name === "text") return "Let's look at the rollout plan.";
  if (name.endsWith("cursor")) return "eyJ…";
  return "string";
}

function exampleNumber(name: string, minimum: number | undefined): number {
  if (name.endsWith("_ms")) return 12_500;
  if (name.endsWith("_seconds")) return 1_860;
  return Math.max(minimum ?? 0, 1);
}

export function buildSchemaExample(schema: ExampleSchema | undefined, path = "", depth = 0): unknown {
  if (!schema || depth > 8) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined && schema.default !== null) return schema.default;
  if (schema.anyOf) {
    const present = schema.anyOf.find((option) => option.type !== "null");
    return present ? buildSchemaExample(present, path, depth) : null;
  }
  const types = [schema.type].flat().filter((type): type is string => typeof type === "string" && type !== "null");
  const type = types[0] ?? (schema.properties ? "object" : undefined);
  switch (type) {
    case "object":
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, child]) => [key, buildSchemaExample(child, path ? `${path}.${key}` : key, depth + 1)]),
      );
    case "array":
      return schema.items ? [buildSchemaExample(schema.items, `${path}[]`, depth + 1)] : [];
    case "string":
      return exampleString(path, schema.format);
    case "integer":
    case "number":
      return exampleNumber(path, schema.minimum);
    case "boolean":
      return true;
    default:
      return null;
  }
}
