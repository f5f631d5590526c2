import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import type { ApiDeps, ApiEndpoint, ApiEvent } from "../lib/api/api-endpoint";
import { createApiHandler } from "../lib/api/create-api-handler";
import type { GongAppConfig } from "../lib/gong-connection/config";

export type ApiCall = {
  key?: string | null;
  /** Appended to http://callbridge.test/api/v1 (query string included). */
  path: string;
  body?: unknown;
  rawBody?: string;
  params?: Record<string, string>;
  authorization?: string;
};

/** `body` is the parsed JSON ({} for other content types); `text` the body as sent. */
export type ApiResult = { status: number; headers: Headers; text: string; body: { error?: { code: string; message: string } } & Record<string, unknown> };

/**
 * Calls endpoints through the same handler the route files export, against a test database, recording the
 * events they send instead of needing an Inngest server.
 */
export function createApiHarness(db: Kysely<Database>, options: { gongConfig?: GongAppConfig; rateLimitPerMinute?: number } = {}) {
  const sent: ApiEvent[] = [];
  const deps: ApiDeps = {
    db,
    sendEvent: async (event) => {
      sent.push(event);
    },
    getGongConfig: () => {
      if (!options.gongConfig) throw new Error("this test gave no Gong config");
      return options.gongConfig;
    },
    rateLimitPerMinute: options.rateLimitPerMinute ?? 10_000,
  };
  async function call(endpoint: ApiEndpoint, request: ApiCall): Promise<ApiResult> {
    const headers = new Headers({ "content-type": "application/json" });
    if (request.authorization) headers.set("authorization", request.authorization);
    else if (request.key) headers.set("authorization", `Bearer ${request.key}`);
    const body = request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
    const response = await createApiHandler(endpoint, () => deps)(
      new Request(`http://callbridge.test/api/v1${request.path}`, { method: endpoint.method, headers, body }),
      { params: Promise.resolve(request.params ?? {}) },
    );
    const text = await response.text();
    const isJson = response.headers.get("content-type")?.includes("json") ?? false;
    return { status: response.status, headers: response.headers, text, body: (isJson ? JSON.parse(text) : {}) as ApiResult["body"] };
  }
  return { deps, sent, call };
}
