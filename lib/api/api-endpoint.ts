import type { Kysely } from "kysely";
import type { z } from "zod";
import type { Database } from "@/db/schema";
import type { gongCallSyncRequested, gongCallsDeleteRequested, gongCallsSyncRequested, outboundDeliveryRequested } from "@/inngest/events";
import type { GongAppConfig } from "@/lib/gong-connection/config";
import type { ApiPrincipal } from "./authenticate-api-key";

export type ApiEvent =
  | ReturnType<typeof gongCallsSyncRequested.create>
  | ReturnType<typeof gongCallSyncRequested.create>
  | ReturnType<typeof gongCallsDeleteRequested.create>
  | ReturnType<typeof outboundDeliveryRequested.create>;

/** What an endpoint may touch; route files pass the real ones, tests their own database and sender. */
export type ApiDeps = {
  db: Kysely<Database>;
  sendEvent: (event: ApiEvent) => Promise<unknown>;
  getGongConfig: () => GongAppConfig;
  rateLimitPerMinute: number;
};

export type OrganizationApiContext = ApiDeps & { principal: ApiPrincipal; organizationId: string };
export type PlatformApiContext = ApiDeps & { principal: ApiPrincipal };

type EndpointDocs = {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** OpenAPI path under /api/v1, with `{id}` placeholders. */
  path: string;
  operationId: string;
  summary: string;
  description: string;
  successStatus?: 200 | 202;
  /** Media types the success response may have besides JSON, for endpoints whose `run` returns a Response. */
  otherMediaTypes?: string[];
};

/**
 * One API operation: its contract (zod schemas that also generate the OpenAPI document) and its work.
 * `organization` endpoints act on one organization (an organization key's own, or a platform key's customer);
 * `platform` endpoints take platform keys only; `key` endpoints act on what the calling key owns (an organization
 * key: its organization's; a platform key: its own, across its customers).
 */
export type ApiEndpoint<TInput extends z.ZodType = z.ZodType, TParams extends z.ZodType = z.ZodType, TResponse extends z.ZodType = z.ZodType> =
  EndpointDocs & { input: TInput; params?: TParams; response: TResponse } & (
      // Method syntax keeps `run` bivariant, so any endpoint fits the erased ApiEndpoint the router holds.
      | { access: "organization"; run(ctx: OrganizationApiContext, input: z.output<TInput>, params: z.output<TParams>): Promise<z.input<TResponse> | Response> }
      | { access: "platform"; run(ctx: PlatformApiContext, input: z.output<TInput>, params: z.output<TParams>): Promise<z.input<TResponse>> }
      | { access: "key"; run(ctx: PlatformApiContext, input: z.output<TInput>, params: z.output<TParams>): Promise<z.input<TResponse>> }
    );

export function defineApiEndpoint<TInput extends z.ZodType, TParams extends z.ZodType, TResponse extends z.ZodType>(
  endpoint: ApiEndpoint<TInput, TParams, TResponse>,
): ApiEndpoint<TInput, TParams, TResponse> {
  return endpoint;
}
