import { z } from "zod";
import type { ApiEndpoint } from "./api-endpoint";
import { errorSchema } from "./api-schemas";
import { API_ENDPOINTS } from "./endpoints";
import { OUTBOUND_EVENT_TYPES, TEST_EVENT_TYPE, outboundEventSchemas } from "@/lib/outbound/event-types";

export const API_BASE_PATH = "/api/v1";

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

const CUSTOMER_ID_DESCRIPTION = "Platform keys: the customer to act for (an organization's external id); required for them. Organization keys may omit it.";

function toSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" }) as JsonSchema;
  return rest;
}

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

function describeParameters(endpoint: ApiEndpoint) {
  const parameters: Record<string, unknown>[] = [];
  const pathSchema = endpoint.params ? toSchema(endpoint.params, "input") : undefined;
  for (const [name, schema] of Object.entries(pathSchema?.properties ?? {})) {
    parameters.push({ name, in: "path", required: true, description: schema.description, schema });
  }
  if (endpoint.method === "GET") {
    const query = toSchema(endpoint.input, "input");
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({ name, in: "query", required: query.required?.includes(name) ?? false, description: schema.description, schema });
    }
  }
  if (endpoint.access === "organization") {
    parameters.push({ name: "customer_id", in: "query", required: false, description: CUSTOMER_ID_DESCRIPTION, schema: { type: "string" } });
  }
  return parameters;
}

const hasBody = (endpoint: ApiEndpoint) => endpoint.method === "POST" || endpoint.method === "PATCH";

function describeRequestBody(endpoint: ApiEndpoint) {
  if (!hasBody(endpoint)) return undefined;
  const schema = toSchema(endpoint.input, "input");
  if (endpoint.access === "organization") {
    schema.properties = { ...schema.properties, customer_id: { type: "string", description: `${CUSTOMER_ID_DESCRIPTION} May be sent as ?customer_id= instead.` } };
  }
  return { required: true, content: { "application/json": { schema } } };
}

function describeOperation(endpoint: ApiEndpoint) {
  const responses: Record<string, unknown> = {
    [String(endpoint.successStatus ?? 200)]: {
      description: endpoint.successStatus === 202 ? "Accepted: the work is queued." : "OK",
      content: {
        "application/json": { schema: toSchema(endpoint.response, "output") },
        ...Object.fromEntries((endpoint.otherMediaTypes ?? []).map((type) => [type, { schema: { type: "string" } }])),
      },
    },
    "400": errorResponse("The body, query or path is invalid; the message names the field."),
    "401": errorResponse("No API key, or a revoked or unknown one."),
    "404": errorResponse("An id or customer_id that is not this organization's."),
    "429": { ...errorResponse("Too many requests for this key this minute."), headers: { "Retry-After": { description: "Seconds until the next window.", schema: { type: "integer" } } } },
  };
  if (hasBody(endpoint)) responses["413"] = errorResponse("The request body is larger than 64 KB.");
  if (endpoint.access === "platform") responses["403"] = errorResponse("An organization key was used; this endpoint needs a platform key.");
  if (endpoint.path.startsWith("/integrations") || ["/resync_file", "/delete_files"].includes(endpoint.path)) {
    responses["409"] = errorResponse("Gong is not connected (or needs reconnecting) for this organization.");
  }
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    description: endpoint.description,
    tags: [endpoint.access === "key" ? "Webhooks" : endpoint.access === "platform" ? "Platform" : endpoint.path.startsWith("/integrations") ? "Integrations" : "Files"],
    parameters: describeParameters(endpoint),
    requestBody: describeRequestBody(endpoint),
    responses,
  };
}

/** The body of each outbound webhook, by event type, as receivers get it. */
function describeOutboundEvents(): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(outboundEventSchemas).map(([name, schema]) => [name, toSchema(schema, "output")]));
}

const EVENT_SCHEMA_BY_PREFIX: Record<string, keyof typeof outboundEventSchemas> = { call: "CallEvent", sync_run: "SyncRunEvent", connection: "ConnectionEvent", endpoint: "TestEvent" };

const WEBHOOK_HEADERS = [
  ["webhook-id", "The event's id: the same on every attempt and replay; dedupe on it."],
  ["webhook-timestamp", "Seconds since the epoch when this attempt was signed."],
  ["webhook-signature", "Space-separated v1,<base64 HMAC-SHA256> signatures (two for 24 h after a secret rotation)."],
] as const;

/** OpenAPI 3.1 `webhooks`: the requests Callbridge sends to a subscribed endpoint, one per event type. */
function describeWebhooks() {
  return Object.fromEntries(
    [...OUTBOUND_EVENT_TYPES, TEST_EVENT_TYPE].map((type) => {
      const schema = type === "call.deleted" ? "CallDeletedEvent" : EVENT_SCHEMA_BY_PREFIX[type.split(".")[0]!]!;
      return [
        type,
        {
          post: {
            operationId: `${type.replace(/[._](\w)/g, (_, letter: string) => letter.toUpperCase())}Webhook`,
            summary: `${type} (version 1)`,
            tags: ["Webhooks"],
            security: [],
            parameters: WEBHOOK_HEADERS.map(([name, description]) => ({ name, in: "header", required: true, description, schema: { type: "string" } })),
            requestBody: { required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/${schema}` } } } },
            responses: {
              "2XX": { description: "Delivered." },
              "410": { description: "Gone: the endpoint is disabled and gets nothing more." },
              default: { description: "Retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h; an endpoint failing for 3 days is disabled." },
            },
          },
        },
      ];
    }),
  );
}

/** The OpenAPI 3.1 document for /api/v1, generated from the same zod schemas the handlers parse with. */
export function buildOpenApiDocument(endpoints: ApiEndpoint[] = API_ENDPOINTS) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpoints) {
    const path = `${API_BASE_PATH}${endpoint.path}`;
    paths[path] = { ...paths[path], [endpoint.method.toLowerCase()]: describeOperation(endpoint) };
  }
  paths[`${API_BASE_PATH}/openapi.json`] = {
    get: {
      operationId: "getOpenApiDocument",
      summary: "This document",
      description: "The OpenAPI 3.1 description of /api/v1. Needs no key.",
      tags: ["Meta"],
      security: [],
      responses: { "200": { description: "OK", content: { "application/json": { schema: { type: "object" } } } } },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Callbridge API",
      version: "1",
      description:
        "Drive the Gong connector from code: connect, list what Gong has, sync, resync, delete, read synced calls and transcripts. Send an API key as `Authorization: Bearer <key>`. Each key may make a fixed number of requests per minute; over it you get 429 with Retry-After. A method a path does not take gets 405 with the same error body and an Allow header.",
    },
    servers: [{ url: "/" }],
    security: [{ bearerAuth: [] }],
    tags: [
      { name: "Integrations", description: "Connecting Gong and choosing what to sync." },
      { name: "Files", description: "Synced calls and the runs that change them." },
      { name: "Platform", description: "Platform keys acting across customers." },
      {
        name: "Webhooks",
        description:
          "Endpoints Callbridge pushes events to, signed as Standard Webhooks says (webhook-id, webhook-timestamp, webhook-signature). An organization key manages its organization's endpoints; a platform key its own, which receive every customer's events with customer_id. The request bodies are the schemas named *Event under components.",
      },
      { name: "Meta", description: "About the API itself." },
    ],
    paths,
    webhooks: describeWebhooks(),
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "An organization key (cb_org_…) or a platform key (cb_plat_…)." } },
      schemas: { Error: toSchema(errorSchema, "output"), ...describeOutboundEvents() },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
