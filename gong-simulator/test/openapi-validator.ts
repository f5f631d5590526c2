import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

/** Gong's spec, kept outside the repo (../shared/gong/openapi-subset.json from the repo root). */
export const GONG_SPEC_PATH = fileURLToPath(new URL("../../../shared/gong/openapi-subset.json", import.meta.url));
export const hasGongSpec = existsSync(GONG_SPEC_PATH);

type Json = Record<string, unknown>;

/**
 * Gong's spec declares nothing nullable, yet real Gong sends null for these fields, and only these
 * (../shared/gong/API.md): §2.4's metaData example, §2.4 party notes (speakerId), §2.5 transcripts,
 * §2.4 comments (inReplyTo), §2.6's recorded users and §2.8's recorded library folders.
 */
const NULLABLE_IN_REAL_GONG: Record<string, string[]> = {
  CallBasicData: ["sdrDisposition", "clientUniqueId", "customData", "purpose"],
  Party: ["speakerId"],
  Monologue: ["speakerId", "topic"],
  CommentDto: ["inReplyTo"],
  UserMetadata: ["trustedEmailAddress", "title", "phoneNumber", "extension", "managerId", "meetingConsentPageUrl"],
  LibraryFolder: ["parentFolderId", "createdBy"],
  LibraryFolderListOfCallsResponse: ["createdBy"],
};

/** CRM field values are "any" (API.md §2.4), but the spec types them as property-less objects. */
const ANY_VALUE: Record<string, string[]> = { ContextField: ["value"], PartyContextField: ["value"] };

function adaptToRealGong(components: { schemas: Record<string, Json> }) {
  const schemas = structuredClone(components.schemas);
  const propertyOf = (schemaName: string, property: string) => {
    const found = (schemas[schemaName]?.properties as Record<string, Json> | undefined)?.[property];
    if (!found) throw new Error(`Gong's spec has no ${schemaName}.${property}`);
    return found;
  };
  for (const [name, properties] of Object.entries(NULLABLE_IN_REAL_GONG)) for (const property of properties) propertyOf(name, property).nullable = true;
  for (const [name, properties] of Object.entries(ANY_VALUE)) {
    for (const property of properties) {
      propertyOf(name, property);
      (schemas[name]!.properties as Record<string, Json>)[property] = {};
    }
  }
  return { ...components, schemas };
}

interface Operation { responses: Record<string, { content?: Record<string, { schema: Json }> }> }

export function createGongValidator() {
  const spec = JSON.parse(readFileSync(GONG_SPEC_PATH, "utf8")) as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Json> } };
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // ajv-formats' "url" refuses loopback and private hosts by design; the simulator lives on 127.0.0.1.
  ajv.addFormat("url", (value: string) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol));
  ajv.addSchema({ $id: "gong", components: adaptToRealGong(spec.components) }, "gong");
  const cache = new Map<string, ValidateFunction>();

  const validateRef = (ref: string, value: unknown): string[] => {
    let validate = cache.get(ref);
    if (!validate) {
      validate = ajv.getSchema(ref.replace("#/", "gong#/"));
      if (!validate) throw new Error(`cannot resolve ${ref}`);
      cache.set(ref, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
  };

  return {
    /** Validates a body against the spec's response schema for (method, path template, status); returns errors. */
    validateResponse(method: string, pathTemplate: string, status: number, body: unknown): string[] {
      const operation = spec.paths[pathTemplate]?.[method.toLowerCase()];
      if (!operation) throw new Error(`${method} ${pathTemplate} is not in Gong's spec`);
      const schema = operation.responses[String(status)]?.content?.["application/json"]?.schema;
      if (!schema) throw new Error(`Gong's spec has no ${status} response for ${method} ${pathTemplate}`);
      return validateRef(String(schema.$ref), body);
    },
    /** Validates a value against one of the spec's schemas, e.g. "CallData" (one calls/extensive call). */
    validateSchema(name: string, value: unknown): string[] {
      if (!spec.components.schemas[name]) throw new Error(`Gong's spec has no schema ${name}`);
      return validateRef(`#/components/schemas/${name}`, value);
    },
  };
}
