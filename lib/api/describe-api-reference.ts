import { buildOpenApiDocument } from "./build-openapi-document";
import { buildSchemaExample } from "./build-schema-example";

/** The OpenAPI document flattened for the human reference page: one entry per operation, fields as rows. */

export type ReferenceField = { name: string; type: string; required: boolean; description: string | null };

export type ReferenceOperation = {
  id: string;
  method: string;
  path: string;
  tag: string;
  summary: string;
  description: string;
  needsKey: boolean;
  parameters: (ReferenceField & { in: string })[];
  body: ReferenceField[];
  successStatus: string;
  response: ReferenceField[];
  errors: { status: string; description: string }[];
  curl: string;
  /** The success response's body as pretty JSON, values made up; null when it has no JSON body. */
  exampleResponse: string | null;
};

type SchemaNode = {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  description?: string;
  default?: unknown;
  maxItems?: number;
};
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: SchemaNode };
type Response = { description: string; content?: { "application/json"?: { schema?: SchemaNode } } };
type Operation = {
  operationId: string;
  summary: string;
  description: string;
  tags?: string[];
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content: { "application/json": { schema: SchemaNode } } };
  responses: Record<string, Response>;
};

function describeType(schema: SchemaNode): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.anyOf) return schema.anyOf.map(describeType).join(" | ");
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "any");
  if (type === "array" && schema.items) return `${describeType(schema.items)}[]${schema.maxItems ? ` (≤ ${schema.maxItems})` : ""}`;
  return schema.format ? `${type} (${schema.format})` : type;
}

function describeDefault(schema: SchemaNode): string | null {
  const parts = [schema.description ?? null, schema.default !== undefined ? `Default ${JSON.stringify(schema.default)}.` : null].filter(Boolean);
  return parts.length ? parts.join(" ") : null;
}

/** Object properties as rows, nested objects and arrays of objects spelled `a.b` and `a[].b`. */
export function flattenFields(schema: SchemaNode | undefined, prefix = ""): ReferenceField[] {
  const nullable = schema?.anyOf?.find((option) => option.type !== "null");
  const target = schema?.properties ? schema : nullable?.properties ? nullable : undefined;
  if (!target?.properties) return [];
  return Object.entries(target.properties).flatMap(([name, child]) => {
    const path = `${prefix}${name}`;
    const row = { name: path, type: describeType(child), required: target.required?.includes(name) ?? false, description: describeDefault(child) };
    const objectChild = child.properties || child.anyOf?.some((option) => option.properties) ? child : undefined;
    const arrayChild = child.items?.properties ? child.items : undefined;
    return [row, ...flattenFields(objectChild, `${path}.`), ...flattenFields(arrayChild, `${path}[].`)];
  });
}

function exampleValue(field: ReferenceField): unknown {
  if (field.type.endsWith("[]") || field.type.includes("[] (")) return field.name.endsWith("_ids") ? ["123"] : [];
  if (field.type.startsWith("boolean")) return true;
  if (field.type.includes("email")) return "admin@example.com";
  if (field.type.includes("date-time")) return "2026-01-01T00:00:00Z";
  return "…";
}

function buildCurl(baseUrl: string, method: string, path: string, body: ReferenceField[], needsKey: boolean): string {
  const lines = [`curl${method === "GET" ? "" : ` -X ${method}`} "${baseUrl}${path.replace(/\{(\w+)\}/g, "<$1>")}"`];
  if (needsKey) lines.push(`  -H "Authorization: Bearer $CALLBRIDGE_API_KEY"`);
  if (method === "POST") {
    const required = body.filter((field) => field.required && !field.name.includes("."));
    const example = Object.fromEntries(required.map((field) => [field.name, exampleValue(field)]));
    lines.push(`  -H "Content-Type: application/json"`, `  -d '${JSON.stringify(example)}'`);
  }
  return lines.join(" \\\n");
}

/**
 * `baseUrl` is this instance's origin (APP_URL), so the curl examples run as they are; without it they use
 * $CALLBRIDGE_URL.
 */
function describeExample(schema: SchemaNode | undefined): string | null {
  // An untyped object ("type": "object" and nothing else) is a document, not a shape worth an example.
  if (!schema || (!schema.properties && !schema.items && !schema.anyOf)) return null;
  return JSON.stringify(buildSchemaExample(schema), null, 2);
}

export function describeApiReference(options: { baseUrl?: string } = {}): { title: string; description: string; operations: ReferenceOperation[] } {
  const baseUrl = options.baseUrl?.replace(/\/+$/, "") ?? "$CALLBRIDGE_URL";
  const document = buildOpenApiDocument();
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, operation]): ReferenceOperation => {
      const [successStatus, success] = Object.entries(operation.responses).find(([status]) => status.startsWith("2")) ?? ["200", undefined];
      const body = flattenFields(operation.requestBody?.content["application/json"].schema);
      const needsKey = !(operation.security && operation.security.length === 0);
      return {
        id: operation.operationId,
        method: method.toUpperCase(),
        path,
        tag: operation.tags?.[0] ?? "API",
        summary: operation.summary,
        description: operation.description,
        needsKey,
        parameters: (operation.parameters ?? []).map((parameter) => ({
          name: parameter.name,
          in: parameter.in,
          type: parameter.schema ? describeType(parameter.schema) : "string",
          required: parameter.required ?? false,
          description: parameter.description ?? (parameter.schema ? describeDefault(parameter.schema) : null),
        })),
        body,
        successStatus,
        response: flattenFields(success?.content?.["application/json"]?.schema),
        errors: Object.entries(operation.responses)
          .filter(([status]) => !status.startsWith("2"))
          .map(([status, response]) => ({ status, description: response.description })),
        curl: buildCurl(baseUrl, method.toUpperCase(), path, body, needsKey),
        exampleResponse: describeExample(success?.content?.["application/json"]?.schema),
      };
    }),
  );
  return { title: document.info.title, description: document.info.description, operations };
}

