/**
 * The rules of the OpenAPI 3.1 meta-schema (spec.openapis.org/oas/3.1/schema) for the objects our document
 * uses, as a JSON Schema: required fields, allowed keys, enums and the path-parameter rule. Schemas inside are
 * checked separately by compiling them as JSON Schema 2020-12.
 */
const extensions = { "^x-": {} };
const strict = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: "object",
  properties,
  required,
  patternProperties: extensions,
  additionalProperties: false,
});

const mediaTypes = { type: "object", additionalProperties: strict({ schema: { type: ["object", "boolean"] }, example: {}, examples: { type: "object" } }) };
const header = strict({ description: { type: "string" }, required: { type: "boolean" }, schema: { type: ["object", "boolean"] } });
const reference = strict({ $ref: { type: "string" }, summary: { type: "string" }, description: { type: "string" } }, ["$ref"]);
const response = {
  oneOf: [reference, strict({ description: { type: "string" }, headers: { type: "object", additionalProperties: header }, content: mediaTypes }, ["description"])],
};

const parameter = {
  ...strict(
    {
      name: { type: "string" },
      in: { enum: ["query", "header", "path", "cookie"] },
      description: { type: "string" },
      required: { type: "boolean" },
      deprecated: { type: "boolean" },
      schema: { type: ["object", "boolean"] },
      content: mediaTypes,
    },
    ["name", "in"],
  ),
  oneOf: [{ required: ["schema"] }, { required: ["content"] }],
  if: { properties: { in: { const: "path" } }, required: ["in"] },
  then: { properties: { required: { const: true } }, required: ["required"] },
};

const securityRequirement = { type: "array", items: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } } };

const operation = strict({
  tags: { type: "array", items: { type: "string" } },
  summary: { type: "string" },
  description: { type: "string" },
  operationId: { type: "string" },
  parameters: { type: "array", items: parameter },
  requestBody: strict({ description: { type: "string" }, content: mediaTypes, required: { type: "boolean" } }, ["content"]),
  responses: {
    type: "object",
    minProperties: 1,
    patternProperties: { "^[1-5](?:[0-9]{2}|XX)$": response, "^default$": response, ...extensions },
    additionalProperties: false,
  },
  deprecated: { type: "boolean" },
  security: securityRequirement,
});

const pathItem = strict(Object.fromEntries(["get", "put", "post", "delete", "options", "head", "patch", "trace"].map((method) => [method, operation])));

const securityScheme = {
  type: "object",
  required: ["type"],
  properties: { type: { enum: ["apiKey", "http", "mutualTLS", "oauth2", "openIdConnect"] } },
  if: { properties: { type: { const: "http" } } },
  then: { required: ["scheme"], properties: { scheme: { type: "string" }, bearerFormat: { type: "string" }, description: { type: "string" } } },
};

export const openApiStructureSchema = {
  ...strict(
    {
      openapi: { type: "string", pattern: "^3\\.1\\.\\d+(-.+)?$" },
      info: strict({ title: { type: "string" }, version: { type: "string" }, description: { type: "string" }, summary: { type: "string" } }, ["title", "version"]),
      jsonSchemaDialect: { type: "string" },
      servers: { type: "array", items: strict({ url: { type: "string" }, description: { type: "string" } }, ["url"]) },
      paths: { type: "object", patternProperties: { "^/": pathItem, ...extensions }, additionalProperties: false },
      webhooks: { type: "object", additionalProperties: pathItem },
      components: strict({
        schemas: { type: "object", additionalProperties: { type: ["object", "boolean"] } },
        securitySchemes: { type: "object", additionalProperties: securityScheme },
      }),
      security: securityRequirement,
      tags: { type: "array", items: strict({ name: { type: "string" }, description: { type: "string" } }, ["name"]) },
    },
    ["openapi", "info"],
  ),
  anyOf: [{ required: ["paths"] }, { required: ["components"] }, { required: ["webhooks"] }],
};
